package org.eldercare.ingest.event;

/** Data of {@code bed.occupied} and {@code bed.released}: how many beds, 1 by default. */
public record BedsChanged(String facilityId, int count) implements EventData {
    @Override
    public String partitionKey() {
        return facilityId;
    }
}
