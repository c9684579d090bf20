package org.eldercare.ingest.validation;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.eldercare.ingest.event.CallLogged;
import org.eldercare.ingest.event.CallReason;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.RequestType;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.ingest.event.WorkOrderOpened;

/**
 * The hotline's call log and work orders (docs/CONTRACT.md §10.2). They name a person by {@code recipientId} only and
 * take no free text, so nothing personal can ride in them. Whether a dispatch's facility can serve the request is the
 * intake's check against the facilities index; whether the order exists, the job's.
 */
final class HotlineReaders {

    static final Choice<CallReason> REASONS = Choice.of(CallReason.class);
    static final Choice<RequestType> REQUEST_TYPES = Choice.of(RequestType.class);
    static final int CALL_SECONDS_MAX = 14_400;
    static final double DISTANCE_KM_MAX = 200;

    private final RegionCodes regions;

    HotlineReaders(RegionCodes regions) {
        this.regions = regions;
    }

    EventData call(Fields data, Instant now) {
        String callId = data.code("callId", true);
        OffsetDateTime receivedAt = data.dateTime("receivedAt");
        if (receivedAt != null && receivedAt.toInstant().isAfter(now.plus(Limits.MAX_FUTURE))) {
            data.error("receivedAt", "must not be in the future");
        }
        int duration = data.requiredInt("durationSeconds", 0, CALL_SECONDS_MAX);
        String streetCode = regions.street(data, "streetCode");
        CallReason reason = data.choice("reason", REASONS, null);
        String recipientId = data.code("recipientId", false);
        return data.clean() ? new CallLogged(callId, receivedAt, duration, streetCode, reason, recipientId) : null;
    }

    EventData opened(Fields data, Instant now) {
        String workOrderId = data.code("workOrderId", true);
        String callId = data.code("callId", false);
        RequestType requestType = data.choice("requestType", REQUEST_TYPES, null);
        String districtCode = regions.district(data, "districtCode");
        String streetCode = regions.streetIn(data, "streetCode", districtCode);
        GeoPoint location = data.location("location", true);
        String recipientId = data.code("recipientId", false);
        return data.clean()
                ? new WorkOrderOpened(workOrderId, callId, requestType, districtCode, streetCode, location, recipientId)
                : null;
    }

    static EventData dispatched(Fields data, Instant now) {
        String workOrderId = data.code("workOrderId", true);
        RequestType requestType = data.choice("requestType", REQUEST_TYPES, null);
        String facilityId = data.code("facilityId", true);
        double distanceKm = data.number("distanceKm", 0, DISTANCE_KM_MAX);
        return data.clean() ? new WorkOrderDispatched(workOrderId, requestType, facilityId, distanceKm) : null;
    }
}
