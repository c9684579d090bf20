package org.eldercare.ingest.deadletter;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A rejected event as written to {@link org.eldercare.ingest.topic.Topics#DEAD_LETTERS}, keyed by
 * operator id. {@code stage} tells where it was rejected: {@link #INTAKE} (the API's validation) or
 * {@link #STREAM} (checks that need state: ownership, unknown facility, capacity bounds).
 *
 * <p>{@code payload} is what {@link DeadLetterPayload} keeps of the event as received: bounded,
 * truncated and redacted. It stays inside the platform and is never returned by the API.
 */
public record Rejection(
        String eventId,
        String source,
        String operatorId,
        String type,
        List<String> reasons,
        String stage,
        OffsetDateTime rejectedAt,
        String payload) {

    public static final String INTAKE = "INTAKE";
    public static final String STREAM = "STREAM";

    /**
     * Stable id, so a re-delivered rejection overwrites itself in the index instead of doubling. It starts with
     * {@code operatorId}, the operator the rejection is filed under (at intake the caller's, whatever source the
     * event claimed), and not only with the claimed {@code source}: otherwise op-2, claiming
     * {@code /operators/op-1}, could overwrite op-1's rejection of the same event id (docs/CONTRACT.md §6.2).
     * {@code -} stands for no operator (a planner's event).
     */
    public String documentId() {
        return (operatorId == null ? "-" : operatorId) + "|" + source + "|" + eventId + "|" + stage;
    }
}
