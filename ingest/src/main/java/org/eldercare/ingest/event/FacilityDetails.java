package org.eldercare.ingest.event;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of {@code facility.registered} and {@code facility.updated}: every field of a facility, since
 * an update replaces them all. {@code nursingBeds} (护理型床位, docs/CONTRACT.md §8.3) is 0 to {@code beds}, 0 when
 * not sent; 0 is written by leaving it out, so an event is written back as it was sent.
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
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) int nursingBeds)
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
