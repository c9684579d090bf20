package org.eldercare.ingest.event;

/** Data of {@code caregiver.left}, {@code caregiver.shift.started} and {@code .ended}. */
public record CaregiverChange(String caregiverId, String facilityId) implements EventData {
    @Override
    public String partitionKey() {
        return facilityId;
    }
}
