package org.eldercare.search.document;

import java.time.OffsetDateTime;
import org.eldercare.ingest.event.GeoPoint;

/**
 * One work order of the hotline as the job folds it (docs/CONTRACT.md §10.2), in the {@code work-orders} index under
 * {@link #workOrderId()}. It names the person by {@code recipientId} only. Times are the events' {@code time}s;
 * {@code secondsToDispatch} and {@code secondsToClose} count from {@code openedAt} and are null until then.
 *
 * @param state {@code OPEN}, {@code DISPATCHED} or {@code CLOSED}
 * @param closedBy {@code operatorId:recordId} of the closing {@code service.delivered}
 */
public record WorkOrderDocument(
        String workOrderId,
        String callId,
        String requestType,
        String districtCode,
        String streetCode,
        GeoPoint location,
        String recipientId,
        String state,
        OffsetDateTime openedAt,
        OffsetDateTime dispatchedAt,
        String facilityId,
        Double distanceKm,
        OffsetDateTime closedAt,
        String closedBy,
        Long secondsToDispatch,
        Long secondsToClose) {

    public static final String OPEN = "OPEN";
    public static final String DISPATCHED = "DISPATCHED";
    public static final String CLOSED = "CLOSED";
}
