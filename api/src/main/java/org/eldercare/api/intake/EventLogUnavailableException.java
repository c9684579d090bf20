package org.eldercare.api.intake;

/** The event log (Kafka) could not take the writes in time: answer 503, nothing accepted. */
public class EventLogUnavailableException extends RuntimeException {
    public EventLogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
