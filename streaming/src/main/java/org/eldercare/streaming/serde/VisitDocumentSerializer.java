package org.eldercare.streaming.serde;

import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.eldercare.search.document.VisitDocument;

/** The binary form of a {@link VisitDocument} (docs/CONTRACT.md §9.3) between operators: its JSON. */
public final class VisitDocumentSerializer extends JsonFormSerializer<VisitDocument> {

    private static final long serialVersionUID = 1L;
    public static final VisitDocumentSerializer INSTANCE = new VisitDocumentSerializer();

    private VisitDocumentSerializer() {
        super(VisitDocument.class);
    }

    /** Form 1, the first. Bump it when a field changes (see {@code VersionedSerializer}). */
    @Override
    public int formatVersion() {
        return 1;
    }

    @Override
    public TypeSerializerSnapshot<VisitDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends VersionedSerializerSnapshot<VisitDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
