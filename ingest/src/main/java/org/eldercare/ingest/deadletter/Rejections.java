package org.eldercare.ingest.deadletter;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.validation.ReadResult;

/** Builds {@link Rejection}s for events the intake's validation refused. */
public final class Rejections {

    private Rejections() {}

    /**
     * A rejection at {@link Rejection#INTAKE}. {@code payload} is the event's JSON as received; the
     * operator id comes from an {@code /operators/<id>} source, else is null.
     */
    public static Rejection atIntake(ReadResult.Invalid invalid, String payload, Clock clock) {
        return new Rejection(
                invalid.id(),
                invalid.source(),
                operatorOf(invalid.source()),
                invalid.type(),
                invalid.errors(),
                Rejection.INTAKE,
                OffsetDateTime.now(clock),
                DeadLetterPayload.of(payload));
    }

    static String operatorOf(String source) {
        if (source == null || !source.startsWith(CareEvent.OPERATOR_SOURCE_PREFIX)) {
            return null;
        }
        String id = source.substring(CareEvent.OPERATOR_SOURCE_PREFIX.length());
        return id.isEmpty() ? null : id;
    }
}
