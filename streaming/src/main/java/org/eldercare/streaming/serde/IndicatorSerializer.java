package org.eldercare.streaming.serde;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;

/** The binary form of an {@link IndicatorDocument}, field by field, its targets included. */
public final class IndicatorSerializer extends ImmutableSerializer<IndicatorDocument> {

    private static final long serialVersionUID = 1L;
    public static final IndicatorSerializer INSTANCE = new IndicatorSerializer();

    /**
     * Form 2 appends the plan-progress block (docs/CONTRACT.md §8.2, §8.3): nursing-type beds and their share, then
     * each target's trajectory in the order of the targets. Form 1, the first release's, reads without it (0, null).
     * Bump it when a field changes (see {@code VersionedSerializer}).
     */
    private static final int FORMAT = 2;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(IndicatorDocument d, DataOutputView out) throws IOException {
        Wire.string(d.code(), out);
        Wire.string(d.name(), out);
        Wire.string(d.level(), out);
        Wire.nullableLong(d.residents(), out);
        Wire.nullableLong(d.elderly60(), out);
        out.writeLong(d.beds());
        Wire.nullableDouble(d.bedsPerThousandResidents(), out);
        out.writeLong(d.institutionBeds());
        Wire.nullableDouble(d.institutionBedsPerThousandResidents(), out);
        out.writeLong(d.occupiedBeds());
        Wire.nullableDouble(d.occupancyRate(), out);
        out.writeLong(d.careCenters());
        out.writeLong(d.careStations());
        out.writeLong(d.institutions());
        out.writeLong(d.mealTables());
        out.writeLong(d.caregivers());
        out.writeLong(d.certifiedCaregivers());
        Wire.nullableDouble(d.caregiversPerTenThousandElderly(), out);
        out.writeLong(d.caregiversOnDuty());
        out.writeLong(d.mealsServedToday());
        out.writeLong(d.servicesDeliveredToday());
        out.writeInt(d.targets().size());
        for (TargetStatus t : d.targets()) {
            Wire.string(t.indicator(), out);
            out.writeDouble(t.target());
            Wire.string(t.comparator(), out);
            out.writeBoolean(t.binding());
            Wire.nullableDouble(t.actual(), out);
            Wire.nullableBoolean(t.met(), out);
        }
        Wire.time(d.asOf(), out);
        writePlanProgress(d, out);
    }

    private static void writePlanProgress(IndicatorDocument d, DataOutputView out) throws IOException {
        out.writeLong(d.institutionNursingBeds());
        Wire.nullableDouble(d.nursingBedShare(), out);
        for (TargetStatus t : d.targets()) {
            Wire.nullableDouble(t.baseline(), out);
            Wire.string(t.baselineOn(), out);
            Wire.string(t.targetOn(), out);
            Wire.nullableDouble(t.expected(), out);
            Wire.string(t.progress(), out);
        }
    }

    @Override
    protected IndicatorDocument read(DataInputView in, int formatVersion) throws IOException {
        String code = Wire.string(in);
        String name = Wire.string(in);
        String level = Wire.string(in);
        Long residents = Wire.nullableLong(in);
        Long elderly60 = Wire.nullableLong(in);
        long beds = in.readLong();
        Double bedsRatio = Wire.nullableDouble(in);
        long institutionBeds = in.readLong();
        Double institutionRatio = Wire.nullableDouble(in);
        long occupied = in.readLong();
        Double occupancy = Wire.nullableDouble(in);
        long careCenters = in.readLong();
        long careStations = in.readLong();
        long institutions = in.readLong();
        long mealTables = in.readLong();
        long caregivers = in.readLong();
        long certified = in.readLong();
        Double caregiverRatio = Wire.nullableDouble(in);
        long onDuty = in.readLong();
        long meals = in.readLong();
        long services = in.readLong();
        int targetCount = in.readInt();
        List<TargetStatus> targets = new ArrayList<>(targetCount);
        for (int i = 0; i < targetCount; i++) {
            targets.add(new TargetStatus(
                    Wire.string(in),
                    in.readDouble(),
                    Wire.string(in),
                    in.readBoolean(),
                    Wire.nullableDouble(in),
                    Wire.nullableBoolean(in)));
        }
        OffsetDateTime asOf = Wire.time(in);
        long nursingBeds = 0;
        Double nursingShare = null;
        if (formatVersion >= 2) {
            nursingBeds = in.readLong();
            nursingShare = Wire.nullableDouble(in);
            for (int i = 0; i < targetCount; i++) {
                TargetStatus t = targets.get(i);
                targets.set(
                        i,
                        new TargetStatus(
                                t.indicator(),
                                t.target(),
                                t.comparator(),
                                t.binding(),
                                t.actual(),
                                t.met(),
                                Wire.nullableDouble(in),
                                Wire.string(in),
                                Wire.string(in),
                                Wire.nullableDouble(in),
                                Wire.string(in)));
            }
        }
        return new IndicatorDocument(
                code,
                name,
                level,
                residents,
                elderly60,
                beds,
                bedsRatio,
                institutionBeds,
                institutionRatio,
                nursingBeds,
                nursingShare,
                occupied,
                occupancy,
                careCenters,
                careStations,
                institutions,
                mealTables,
                caregivers,
                certified,
                caregiverRatio,
                onDuty,
                meals,
                services,
                List.copyOf(targets),
                asOf);
    }

    @Override
    public TypeSerializerSnapshot<IndicatorDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends VersionedSerializerSnapshot<IndicatorDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
