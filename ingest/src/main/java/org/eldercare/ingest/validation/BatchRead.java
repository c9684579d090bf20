package org.eldercare.ingest.validation;

import java.util.List;

/** The outcome of reading a batch body: per-event results, or a body that is no batch at all. */
public sealed interface BatchRead {

    /** One result per array element, in order; the index of a result is the event's index. */
    record Events(List<ReadResult> results) implements BatchRead {
        public Events {
            results = List.copyOf(results);
        }
    }

    /** The body is not JSON, or not a JSON array: the whole request is refused (HTTP 400). */
    record Malformed(String problem) implements BatchRead {}
}
