package org.eldercare.streaming.serde;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.eldercare.search.incident.DeviceDocument;

/** The binary form of a {@link DeviceDocument} (docs/CONTRACT.md §9.9) between operators: its JSON. */
public final class DeviceDocumentSerializer extends JsonFormSerializer<DeviceDocument> {

    private static final long serialVersionUID = 1L;
    public static final DeviceDocumentSerializer INSTANCE = new DeviceDocumentSerializer();

    private DeviceDocumentSerializer() {
        super(DeviceDocument.class);
    }

    /**
     * Form 2 adds {@code unboundAt} (docs/CONTRACT.md §9.9, §6.8). Form 1 is the same JSON without it and reads with
     * {@code unboundAt} null. Bump it when a field changes (see {@code VersionedSerializer}).
     */
    @Override
    public int formatVersion() {
        return 2;
    }

    @Override
    public TypeSerializerSnapshot<DeviceDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends VersionedSerializerSnapshot<DeviceDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
