package org.eldercare.search.document;

import java.time.OffsetDateTime;

/**
 * One call to the hotline as the job writes it from {@code call.logged} (docs/CONTRACT.md §10.2), in the {@code calls}
 * index under {@link #callId()}. It names the caller by {@code recipientId} only (null when the hotline did not
 * identify them) and holds nothing else of a person.
 *
 * @param reason {@code REQUEST}, {@code INQUIRY}, {@code COMPLAINT}, {@code EMERGENCY} or {@code OTHER}
 * @param desk the {@code <desk>} of the event's {@code /hotline/<desk>} source
 * @param loggedAt the event's {@code time}
 */
public record CallDocument(
        String callId,
        OffsetDateTime receivedAt,
        int durationSeconds,
        String districtCode,
        String streetCode,
        String reason,
        String recipientId,
        String desk,
        OffsetDateTime loggedAt) {}
