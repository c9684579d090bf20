package org.eldercare.streaming.recipient;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.search.resolve.ServiceRecordDocument.RecipientEvidence;
import org.eldercare.streaming.serde.ImmutableSerializer;

/** The binary form of a {@link ServiceRecordDocument}: kept in state to repoint it after a merge, and sent to the sink. */
public final class ServiceRecordSerializer extends ImmutableSerializer<ServiceRecordDocument> {

    private static final long serialVersionUID = 1L;
    public static final ServiceRecordSerializer INSTANCE = new ServiceRecordSerializer();

    @Override
    protected void write(ServiceRecordDocument d, DataOutputView out) throws IOException {
        Binary.string(d.recordId(), out);
        Binary.string(d.operatorId(), out);
        Binary.string(d.facilityId(), out);
        Binary.string(d.caregiverId(), out);
        Binary.string(d.serviceType(), out);
        Binary.string(d.startedAt(), out);
        out.writeInt(d.durationMinutes());
        Binary.string(d.recipientId(), out);
        out.writeDouble(d.resolutionScore());
        Binary.strings(d.matchedOn(), out);
        RecipientEvidence r = d.recipient();
        Binary.string(r.name(), out);
        Binary.string(r.idHash(), out);
        out.writeBoolean(r.idValid());
        Binary.string(r.idNumberMasked(), out);
        Binary.string(r.phoneHash(), out);
        Binary.string(r.phoneMasked(), out);
        Binary.string(r.gender(), out);
        Binary.string(r.birthDate(), out);
        Binary.string(r.districtCode(), out);
        Binary.string(r.streetCode(), out);
        Binary.geo(r.location(), out);
        Binary.string(d.indexedAt(), out);
    }

    @Override
    protected ServiceRecordDocument read(DataInputView in) throws IOException {
        return new ServiceRecordDocument(
                Binary.string(in),
                Binary.string(in),
                Binary.string(in),
                Binary.string(in),
                Binary.string(in),
                Binary.string(in),
                in.readInt(),
                Binary.string(in),
                in.readDouble(),
                Binary.stringList(in),
                new RecipientEvidence(
                        Binary.string(in),
                        Binary.string(in),
                        in.readBoolean(),
                        Binary.string(in),
                        Binary.string(in),
                        Binary.string(in),
                        Binary.string(in),
                        Binary.string(in),
                        Binary.string(in),
                        Binary.string(in),
                        Binary.geo(in)),
                Binary.string(in));
    }

    @Override
    public TypeSerializerSnapshot<ServiceRecordDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ServiceRecordDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
