package org.eldercare.streaming.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.document.AlertDocument;

/** The binary form of an {@link AlertDocument}, field by field. */
public final class AlertSerializer extends ImmutableSerializer<AlertDocument> {

    private static final long serialVersionUID = 1L;
    public static final AlertSerializer INSTANCE = new AlertSerializer();

    /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(AlertDocument a, DataOutputView out) throws IOException {
        Wire.string(a.id(), out);
        Wire.string(a.type(), out);
        Wire.string(a.scope(), out);
        Wire.string(a.districtCode(), out);
        Wire.string(a.message(), out);
        out.writeBoolean(a.active());
        Wire.time(a.since(), out);
        Wire.time(a.updatedAt(), out);
    }

    @Override
    protected AlertDocument read(DataInputView in, int formatVersion) throws IOException {
        return new AlertDocument(
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                in.readBoolean(),
                Wire.time(in),
                Wire.time(in));
    }

    @Override
    public TypeSerializerSnapshot<AlertDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends VersionedSerializerSnapshot<AlertDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
