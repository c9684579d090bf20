package org.eldercare.streaming.serde;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.eldercare.search.document.CallDocument;

/** The binary form of a {@link CallDocument} (docs/CONTRACT.md §10.2) between operators: its JSON. */
public final class CallDocumentSerializer extends JsonFormSerializer<CallDocument> {

    private static final long serialVersionUID = 1L;
    public static final CallDocumentSerializer INSTANCE = new CallDocumentSerializer();

    private CallDocumentSerializer() {
        super(CallDocument.class);
    }

    /** Form 1, the first. Bump it when a field changes (see {@code VersionedSerializer}). */
    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public TypeSerializerSnapshot<CallDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends VersionedSerializerSnapshot<CallDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
