package org.eldercare.ingest.event;

/** Data of {@code facility.status.changed}. */
public record FacilityStatusChanged(String facilityId, FacilityStatus status) implements EventData {
    @Override
    public String partitionKey() {
        return facilityId;
    }
}
