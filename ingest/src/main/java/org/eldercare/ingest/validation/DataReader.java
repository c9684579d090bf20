package org.eldercare.ingest.validation;

import java.time.Instant;
import org.eldercare.ingest.event.EventData;

/** Reads and checks the {@code data} of one event type. */
@FunctionalInterface
interface DataReader {

    /**
     * The data, or null if any of its fields broke a rule (the reasons are then in the errors of
     * {@code data}). {@code now} is the instant the event is judged at.
     */
    EventData read(Fields data, Instant now);
}
