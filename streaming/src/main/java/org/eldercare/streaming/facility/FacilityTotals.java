package org.eldercare.streaming.facility;

import org.eldercare.ingest.event.FacilityKind;

/**
 * One facility's share of its scope's indicators, kept per facility in the scope's state so a newer
 * share replaces the older one. Meals and services belong to the epoch day beside them; {@code nursingBeds} is part
 * of {@code beds} (docs/CONTRACT.md §8.3).
 */
public record FacilityTotals(
        FacilityKind kind,
        boolean operating,
        int beds,
        int occupiedBeds,
        long caregivers,
        long certifiedCaregivers,
        long caregiversOnDuty,
        long mealsDay,
        long mealsServed,
        long servicesDay,
        long servicesDelivered,
        int nursingBeds) {

    /** A facility's share without nursing-type beds. */
    public FacilityTotals(
            FacilityKind kind,
            boolean operating,
            int beds,
            int occupiedBeds,
            long caregivers,
            long certifiedCaregivers,
            long caregiversOnDuty,
            long mealsDay,
            long mealsServed,
            long servicesDay,
            long servicesDelivered) {
        this(
                kind,
                operating,
                beds,
                occupiedBeds,
                caregivers,
                certifiedCaregivers,
                caregiversOnDuty,
                mealsDay,
                mealsServed,
                servicesDay,
                servicesDelivered,
                0);
    }
}
