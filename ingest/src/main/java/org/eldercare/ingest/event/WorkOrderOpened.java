package org.eldercare.ingest.event;

/**
 * Data of {@code workorder.opened} (docs/CONTRACT.md §10.2): a caller's request, where it is needed. {@code callId}
 * and {@code recipientId} may be null.
 */
public record WorkOrderOpened(
        String workOrderId,
        String callId,
        RequestType requestType,
        String districtCode,
        String streetCode,
        GeoPoint location,
        String recipientId)
        implements EventData {

    @Override
    public String partitionKey() {
        return WorkOrderDispatched.keyOf(workOrderId);
    }
}
