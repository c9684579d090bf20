package org.eldercare.ingest.event;

/**
 * Data of {@code facility.registered} and {@code facility.updated}: every field of a facility, since
 * an update replaces them all.
 */
public record FacilityDetails(
        String facilityId,
        FacilityKind kind,
        String name,
        String districtCode,
        String streetCode,
        GeoPoint location,
        int beds,
        int mealSeats,
        FacilityStatus status)
        implements EventData {
    @Override
    public String partitionKey() {
        return facilityId;
    }
}
