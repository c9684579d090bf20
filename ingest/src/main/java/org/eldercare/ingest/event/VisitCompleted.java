package org.eldercare.ingest.event;

import java.time.OffsetDateTime;

/**
 * {@code visit.completed}: a caregiver's home visit (docs/CONTRACT.md §9.3): who ({@code caregiverId}, the operator's
 * own), whom (the register's {@code personId}), when, where and how it was confirmed. Keyed by the facility, whose
 * owner alone may send it.
 *
 * @param location where it was confirmed; required for {@link VisitConfirmation#PHONE_LOCATION}, else optional
 */
public record VisitCompleted(
        String visitId,
        String facilityId,
        String caregiverId,
        String personId,
        OffsetDateTime visitedAt,
        int durationMinutes,
        GeoPoint location,
        VisitConfirmation confirmation)
        implements EventData {

    @Override
    public String partitionKey() {
        return facilityId;
    }
}
