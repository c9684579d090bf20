package org.eldercare.streaming.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.document.FacilityDocument;

/** The binary form of a {@link FacilityDocument}, field by field. */
public final class FacilityDocumentSerializer extends ImmutableSerializer<FacilityDocument> {

    private static final long serialVersionUID = 1L;
    public static final FacilityDocumentSerializer INSTANCE = new FacilityDocumentSerializer();

    /**
     * Form 2 appends {@code nursingBeds} (docs/CONTRACT.md §8.3); form 1, the first release's, reads with it 0. Bump
     * it when a field changes (see {@code VersionedSerializer}).
     */
    private static final int FORMAT = 2;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(FacilityDocument f, DataOutputView out) throws IOException {
        Wire.string(f.facilityId(), out);
        Wire.string(f.operatorId(), out);
        Wire.string(f.name(), out);
        Wire.string(f.kind(), out);
        Wire.string(f.districtCode(), out);
        Wire.string(f.streetCode(), out);
        Wire.geo(f.location(), out);
        out.writeInt(f.beds());
        out.writeInt(f.occupiedBeds());
        out.writeInt(f.freeBeds());
        out.writeInt(f.mealSeats());
        Wire.string(f.status(), out);
        out.writeLong(f.caregivers());
        out.writeLong(f.caregiversOnDuty());
        Wire.time(f.lastEventAt(), out);
        Wire.time(f.updatedAt(), out);
        out.writeInt(f.nursingBeds());
    }

    @Override
    protected FacilityDocument read(DataInputView in, int formatVersion) throws IOException {
        return new FacilityDocument(
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.geo(in),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                in.readInt(),
                Wire.string(in),
                in.readLong(),
                in.readLong(),
                Wire.time(in),
                Wire.time(in),
                formatVersion >= 2 ? in.readInt() : 0);
    }

    @Override
    public TypeSerializerSnapshot<FacilityDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends VersionedSerializerSnapshot<FacilityDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
