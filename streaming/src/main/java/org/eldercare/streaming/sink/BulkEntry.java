package org.eldercare.streaming.sink;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * One buffered write: the document as JSON, for {@code index} under {@code id}. Kept as bytes so
 * the writer's checkpointed buffer does not depend on the document's Java type.
 */
public record BulkEntry(String index, String id, byte[] json) implements Serializable {

    /** Bytes the entry adds to a bulk request: the action line and the source line. */
    public long sizeInBytes() {
        return json.length
                + index.getBytes(StandardCharsets.UTF_8).length
                + id.getBytes(StandardCharsets.UTF_8).length
                + 40;
    }

    @Override
    public String toString() {
        // The source may hold personal data; never print it.
        return "BulkEntry[" + index + "/" + id + ", " + json.length + " bytes]";
    }
}
