package org.eldercare.streaming.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.ingest.deadletter.Rejection;

/** The binary form of a {@link Rejection}, field by field. */
public final class RejectionSerializer extends ImmutableSerializer<Rejection> {

    private static final long serialVersionUID = 1L;
    public static final RejectionSerializer INSTANCE = new RejectionSerializer();

    /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(Rejection r, DataOutputView out) throws IOException {
        Wire.string(r.eventId(), out);
        Wire.string(r.source(), out);
        Wire.string(r.operatorId(), out);
        Wire.string(r.type(), out);
        Wire.strings(r.reasons(), out);
        Wire.string(r.stage(), out);
        Wire.time(r.rejectedAt(), out);
        Wire.string(r.payload(), out);
    }

    @Override
    protected Rejection read(DataInputView in, int formatVersion) throws IOException {
        return new Rejection(
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.strings(in),
                Wire.string(in),
                Wire.time(in),
                Wire.string(in));
    }

    @Override
    public TypeSerializerSnapshot<Rejection> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends VersionedSerializerSnapshot<Rejection> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
