package org.eldercare.search.document;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The live indicators of one scope (a district or a street), exactly the indicator object of
 * docs/CONTRACT.md §3. Stored in the {@code indicators} index under id {@link #code()}, and per minute in
 * {@code indicator-history}. Ratios are null when their denominator is unknown or zero.
 */
public record IndicatorDocument(
        String code,
        String name,
        String level,
        Long residents,
        Long elderly60,
        long beds,
        Double bedsPerThousandResidents,
        long institutionBeds,
        Double institutionBedsPerThousandResidents,
        long occupiedBeds,
        Double occupancyRate,
        long careCenters,
        long careStations,
        long institutions,
        long mealTables,
        long caregivers,
        long certifiedCaregivers,
        Double caregiversPerTenThousandElderly,
        long caregiversOnDuty,
        long mealsServedToday,
        long servicesDeliveredToday,
        List<TargetStatus> targets,
        OffsetDateTime asOf) {

    public static final String DISTRICT = "DISTRICT";
    public static final String STREET = "STREET";

    /** One plan target checked against the live value. */
    public record TargetStatus(
            String indicator, double target, String comparator, boolean binding, Double actual, Boolean met) {}
}
