package org.eldercare.search.document;

import java.time.OffsetDateTime;

/**
 * One caregiver's home visit as the job writes it from an accepted {@code visit.completed} whose sender owns the
 * facility (docs/CONTRACT.md §9.3), in the {@code visits} index under {@link #id()}, {@code operatorId:visitId}. It
 * names the person by the register's {@code personId} and the caregiver by the operator's own {@code caregiverId}
 * only; it holds no name, ID number, phone or location of anyone: where is the facility's street, not the door.
 *
 * @param facilityName the facility's name when the visit was accepted (public, as on its door)
 * @param districtCode the facility's district
 * @param streetCode the facility's street
 * @param confirmation {@code CARD_SWIPE}, {@code PHONE_LOCATION}, {@code SIGNATURE} or {@code FACE}
 * @param recordedAt the event's {@code time}
 */
public record VisitDocument(
        String id,
        String visitId,
        String operatorId,
        String facilityId,
        String facilityName,
        String districtCode,
        String streetCode,
        String caregiverId,
        String personId,
        OffsetDateTime visitedAt,
        int durationMinutes,
        String confirmation,
        OffsetDateTime recordedAt) {

    /** The document id of a visit: {@code operatorId:visitId}, as for service records (§6.9). */
    public static String idOf(String operatorId, String visitId) {
        return operatorId + ":" + visitId;
    }
}
