package org.eldercare.ingest.event;

/** Data of {@code caregiver.hired}. */
public record CaregiverHired(String caregiverId, String facilityId, boolean certified) implements EventData {
    @Override
    public String partitionKey() {
        return facilityId;
    }
}
