package org.eldercare.search.document;

import java.time.OffsetDateTime;
import org.eldercare.ingest.event.GeoPoint;

/**
 * A facility's current state, as the portal's finder needs it. Stored in the {@code facilities}
 * index under id {@link #facilityId()} ({@code location} mapped as {@code geo_point}).
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
        OffsetDateTime updatedAt) {}
