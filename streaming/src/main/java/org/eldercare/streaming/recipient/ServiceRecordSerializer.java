package org.eldercare.streaming.recipient;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.search.resolve.ServiceRecordDocument.RecipientEvidence;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/** The binary form of a {@link ServiceRecordDocument}: kept in state to repoint it after a merge, and sent to the sink. */
public final class ServiceRecordSerializer extends ImmutableSerializer<ServiceRecordDocument> {

    private static final long serialVersionUID = 1L;
    public static final ServiceRecordSerializer INSTANCE = new ServiceRecordSerializer();

    /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(ServiceRecordDocument d, DataOutputView out) throws IOException {
        Wire.string(d.recordId(), out);
        Wire.string(d.operatorId(), out);
        Wire.string(d.facilityId(), out);
        Wire.string(d.caregiverId(), out);
        Wire.string(d.serviceType(), out);
        Wire.string(d.startedAt(), out);
        out.writeInt(d.durationMinutes());
        Wire.string(d.recipientId(), out);
        out.writeDouble(d.resolutionScore());
        Wire.strings(d.matchedOn(), out);
        RecipientEvidence r = d.recipient();
        Wire.string(r.name(), out);
        Wire.string(r.idHash(), out);
        out.writeBoolean(r.idValid());
        Wire.string(r.idNumberMasked(), out);
        Wire.string(r.phoneHash(), out);
        Wire.string(r.phoneMasked(), out);
        Wire.string(r.gender(), out);
        Wire.string(r.birthYear() == null ? null : r.birthYear().toString(), out);
        Wire.string(r.districtCode(), out);
        Wire.string(r.streetCode(), out);
        Wire.geo(r.location(), out);
        Wire.string(d.indexedAt(), out);
    }

    @Override
    protected ServiceRecordDocument read(DataInputView in, int formatVersion) throws IOException {
        return new ServiceRecordDocument(
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                in.readInt(),
                Wire.string(in),
                in.readDouble(),
                Wire.strings(in),
                new RecipientEvidence(
                        Wire.string(in),
                        Wire.string(in),
                        in.readBoolean(),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.string(in),
                        birthYear(Wire.string(in)),
                        Wire.string(in),
                        Wire.string(in),
                        Wire.geo(in)),
                Wire.string(in));
    }

    /**
     * The year from the birth slot. State written before docs/CONTRACT.md §6.2 holds a whole date there
     * ({@code yyyy-MM-dd}): only its year is read back, so no date leaves the state again.
     */
    static Integer birthYear(String slot) {
        return slot == null ? null : Integer.valueOf(slot.substring(0, Math.min(4, slot.length())));
    }

    @Override
    public TypeSerializerSnapshot<ServiceRecordDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints. */
    public static final class Snapshot extends VersionedSerializerSnapshot<ServiceRecordDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
