package org.eldercare.ingest.validation;

import java.util.List;
import org.eldercare.ingest.event.CareEvent;

/** The outcome of reading one event: a valid {@link CareEvent}, or every reason it is not one. */
public sealed interface ReadResult {

    /** The event passed every rule of docs/CONTRACT.md §1 that can be checked without state. */
    record Valid(CareEvent event) implements ReadResult {}

    /**
     * The event broke at least one rule. {@code id}, {@code source} and {@code type} are the raw
     * attributes when they were strings (cut to 256 characters), otherwise null, so a rejection can
     * still be reported against the event. Each error reads {@code "field: rule"} and never echoes
     * personal data.
     */
    record Invalid(String id, String source, String type, List<String> errors) implements ReadResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }
}
