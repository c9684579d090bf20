package org.eldercare.streaming.serde;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.document.AlertDocument;

/** The binary form of an {@link AlertDocument}, field by field. */
public final class AlertSerializer extends ImmutableSerializer<AlertDocument> {

    private static final long serialVersionUID = 1L;
    public static final AlertSerializer INSTANCE = new AlertSerializer();

    /**
     * Form 2 appends {@code params} (docs/CONTRACT.md §8.4), a count then key and value pairs in key order; form 1,
     * the first release's, reads with none. Bump it when a field changes (see {@code VersionedSerializer}).
     */
    private static final int FORMAT = 2;

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
        Map<String, String> params = new TreeMap<>(a.params());
        out.writeInt(params.size());
        for (Map.Entry<String, String> p : params.entrySet()) {
            Wire.string(p.getKey(), out);
            Wire.string(p.getValue(), out);
        }
    }

    @Override
    protected AlertDocument read(DataInputView in, int formatVersion) throws IOException {
        AlertDocument alert = new AlertDocument(
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                in.readBoolean(),
                Wire.time(in),
                Wire.time(in));
        if (formatVersion < 2) {
            return alert;
        }
        int count = in.readInt();
        Map<String, String> params = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            params.put(Wire.string(in), Wire.string(in));
        }
        return new AlertDocument(
                alert.id(),
                alert.type(),
                alert.scope(),
                alert.districtCode(),
                alert.message(),
                alert.active(),
                alert.since(),
                alert.updatedAt(),
                params);
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
