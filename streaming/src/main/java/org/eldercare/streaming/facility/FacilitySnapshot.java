package org.eldercare.streaming.facility;

import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.GeoPoint;

/**
 * The ledger's view of one facility after an accepted event: its details, who owns it, occupied
 * beds, and the meals and services of the latest Asia/Shanghai day it has seen ({@code mealsDay} and
 * {@code servicesDay} are epoch days, -1 before the first). Caregivers are counted elsewhere (see
 * {@code CaregiverRegistry}). Times are epoch milliseconds. {@code nursingBeds} is part of {@code beds}
 * (docs/CONTRACT.md §8.3).
 */
public record FacilitySnapshot(
        String facilityId,
        String operatorId,
        String name,
        FacilityKind kind,
        String districtCode,
        String streetCode,
        GeoPoint location,
        int beds,
        int occupiedBeds,
        int mealSeats,
        FacilityStatus status,
        long mealsDay,
        long mealsServed,
        long servicesDay,
        long servicesDelivered,
        long lastEventAt,
        int nursingBeds) {

    /** A facility that reports no nursing-type beds. */
    public FacilitySnapshot(
            String facilityId,
            String operatorId,
            String name,
            FacilityKind kind,
            String districtCode,
            String streetCode,
            GeoPoint location,
            int beds,
            int occupiedBeds,
            int mealSeats,
            FacilityStatus status,
            long mealsDay,
            long mealsServed,
            long servicesDay,
            long servicesDelivered,
            long lastEventAt) {
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
                mealSeats,
                status,
                mealsDay,
                mealsServed,
                servicesDay,
                servicesDelivered,
                lastEventAt,
                0);
    }

    public boolean operating() {
        return status == FacilityStatus.OPERATING;
    }
}
