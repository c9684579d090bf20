package org.eldercare.search.document;

import java.time.OffsetDateTime;
import org.eldercare.ingest.event.GeoPoint;

/**
 * A facility's current state, as the portal's finder needs it. Stored in the {@code facilities}
 * index under id {@link #facilityId()} ({@code location} mapped as {@code geo_point}). {@code nursingBeds} is the
 * part of {@code beds} that is nursing-type (docs/CONTRACT.md §8.3), 0 when not reported.
 */
public record FacilityDocument(
        String facilityId,
        String operatorId,
        String name,
        String kind,
        String districtCode,
        String streetCode,
        GeoPoint location,
        int beds,
        int occupiedBeds,
        int freeBeds,
        int mealSeats,
        String status,
        long caregivers,
        long caregiversOnDuty,
        OffsetDateTime lastEventAt,
        OffsetDateTime updatedAt,
        int nursingBeds) {

    /** A facility that reports no nursing-type beds. */
    public FacilityDocument(
            String facilityId,
            String operatorId,
            String name,
            String kind,
            String districtCode,
            String streetCode,
            GeoPoint location,
            int beds,
            int occupiedBeds,
            int freeBeds,
            int mealSeats,
            String status,
            long caregivers,
            long caregiversOnDuty,
            OffsetDateTime lastEventAt,
            OffsetDateTime updatedAt) {
        this(
                facilityId,
                operatorId,
                name,
                kind,
                districtCode,
                streetCode,
                location,
                beds,
                occupiedBeds,
                freeBeds,
                mealSeats,
                status,
                caregivers,
                caregiversOnDuty,
                lastEventAt,
                updatedAt,
                0);
    }
}
