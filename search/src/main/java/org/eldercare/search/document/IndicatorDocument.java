package org.eldercare.search.document;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The live indicators of one scope (a district or a street), exactly the indicator object of
 * docs/CONTRACT.md §3. Stored in the {@code indicators} index under id {@link #code()}, and per minute in
 * {@code indicator-history}. Ratios are null when their denominator is unknown or zero.
 *
 * <p>{@code institutionNursingBeds} and {@code nursingBedShare} are the nursing-type beds of OPERATING institutions
 * and their share of institution beds (docs/CONTRACT.md §8.3).
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
        long institutionNursingBeds,
        Double nursingBedShare,
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

    /** Indicators without nursing-type beds, as before docs/CONTRACT.md §8.3. */
    public IndicatorDocument(
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
        this(
                code,
                name,
                level,
                residents,
                elderly60,
                beds,
                bedsPerThousandResidents,
                institutionBeds,
                institutionBedsPerThousandResidents,
                0,
                null,
                occupiedBeds,
                occupancyRate,
                careCenters,
                careStations,
                institutions,
                mealTables,
                caregivers,
                certifiedCaregivers,
                caregiversPerTenThousandElderly,
                caregiversOnDuty,
                mealsServedToday,
                servicesDeliveredToday,
                targets,
                asOf);
    }

    /**
     * One plan target checked against the live value, and against the straight line from its 2020 baseline to it
     * (docs/CONTRACT.md §8.2): {@code baselineOn} and {@code targetOn} are ISO dates, {@code expected} the value on
     * that line today, {@code progress} {@code AHEAD}, {@code ON_TRACK} or {@code BEHIND}; the last three are null
     * where the plan gives no baseline.
     */
    public record TargetStatus(
            String indicator,
            double target,
            String comparator,
            boolean binding,
            Double actual,
            Boolean met,
            Double baseline,
            String baselineOn,
            String targetOn,
            Double expected,
            String progress) {

        /** A target with no trajectory: no baseline, or written before docs/CONTRACT.md §8.2. */
        public TargetStatus(
                String indicator, double target, String comparator, boolean binding, Double actual, Boolean met) {
            this(indicator, target, comparator, binding, actual, met, null, null, null, null, null);
        }
    }
}
