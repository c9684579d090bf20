package org.eldercare.ingest.event;

import java.time.OffsetDateTime;

/**
 * Data of {@code call.logged} (docs/CONTRACT.md §10.2): one call to the hotline. The caller is named only by the
 * {@code recipientId} the hotline identified (null when unknown); the event carries no personal data.
 */
public record CallLogged(
        String callId,
        OffsetDateTime receivedAt,
        int durationSeconds,
        String streetCode,
        CallReason reason,
        String recipientId)
        implements EventData {

    public static final String KEY_PREFIX = "call/";

    @Override
    public String partitionKey() {
        return KEY_PREFIX + callId;
    }
}
