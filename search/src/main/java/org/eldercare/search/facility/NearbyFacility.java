package org.eldercare.search.facility;

import org.eldercare.ingest.event.GeoPoint;

/** One facility in a nearby answer, exactly the fields of docs/CONTRACT.md §3, distance rounded to metres. */
public record NearbyFacility(
        String facilityId,
        String name,
        String kind,
        String districtCode,
        String streetCode,
        GeoPoint location,
        double distanceKm,
        int beds,
        int occupiedBeds,
        int freeBeds,
        int mealSeats,
        String status) {}
