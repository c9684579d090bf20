package org.eldercare.ingest.event;

/**
 * Data of {@code facility.registered} and {@code facility.updated}: every field of a facility, since
 * an update replaces them all. {@code nursingBeds} (护理型床位, docs/CONTRACT.md §8.3) is 0 to {@code beds}, 0 when
 * not sent.
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
        FacilityStatus status,
        int nursingBeds)
        implements EventData {

    /** A facility that reports no nursing-type beds. */
    public FacilityDetails(
            String facilityId,
            FacilityKind kind,
            String name,
            String districtCode,
            String streetCode,
            GeoPoint location,
            int beds,
            int mealSeats,
            FacilityStatus status) {
        this(facilityId, kind, name, districtCode, streetCode, location, beds, mealSeats, status, 0);
    }

    @Override
    public String partitionKey() {
        return facilityId;
    }
}
