package org.eldercare.streaming.serde;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.document.IndicatorDocument.GroupCoverage;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;

/** The binary form of an {@link IndicatorDocument}, field by field, its targets included. */
public final class IndicatorSerializer extends ImmutableSerializer<IndicatorDocument> {

    private static final long serialVersionUID = 1L;
    public static final IndicatorSerializer INSTANCE = new IndicatorSerializer();

    /**
     * Form 2 adds {@code coverage} (docs/CONTRACT.md §7.5) after {@code asOf}; form 1, the first release's, reads as
     * {@link Coverage#NONE}. Bump it when a field changes (see {@code VersionedSerializer}).
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
        Coverage c = d.coverage();
        out.writeLong(c.registered());
        out.writeLong(c.entitled());
        out.writeLong(c.served());
        Wire.nullableDouble(c.rate(), out);
        out.writeLong(c.assessmentsOverdue());
        out.writeInt(c.groups().size());
        for (GroupCoverage g : c.groups()) {
            Wire.string(g.group(), out);
            out.writeLong(g.entitled());
            out.writeLong(g.served());
            Wire.nullableDouble(g.rate(), out);
        }
    }

    private static Coverage coverage(DataInputView in, int formatVersion) throws IOException {
        if (formatVersion < 2) {
            return Coverage.NONE;
        }
        long registered = in.readLong();
        long entitled = in.readLong();
        long served = in.readLong();
        Double rate = Wire.nullableDouble(in);
        long overdue = in.readLong();
        int count = in.readInt();
        List<GroupCoverage> groups = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            groups.add(new GroupCoverage(Wire.string(in), in.readLong(), in.readLong(), Wire.nullableDouble(in)));
        }
        return new Coverage(registered, entitled, served, rate, overdue, groups);
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
                Wire.time(in),
                coverage(in, formatVersion));
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
