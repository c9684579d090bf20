package org.eldercare.ingest.event;

/**
 * Data of {@code workorder.dispatched} (docs/CONTRACT.md §10.2): the order goes to {@code facilityId}, which the
 * intake found able to serve {@code requestType}; the job checks that type against the order's.
 */
public record WorkOrderDispatched(String workOrderId, RequestType requestType, String facilityId, double distanceKm)
        implements EventData {

    public static final String KEY_PREFIX = "workorder/";

    /** The Kafka key of a work order's events: {@code workorder/<workOrderId>}, so they stay in order. */
    public static String keyOf(String workOrderId) {
        return KEY_PREFIX + workOrderId;
    }

    @Override
    public String partitionKey() {
        return keyOf(workOrderId);
    }
}
