package org.eldercare.search.document;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The live indicators of one scope (a district or a street), exactly the indicator object of
 * docs/CONTRACT.md §3, with the register's {@link Coverage} (§7.5). Stored in the {@code indicators} index under id
 * {@link #code()}, and per minute in {@code indicator-history}. Ratios are null when their denominator is unknown or zero.
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
        OffsetDateTime asOf,
        Coverage coverage) {

    public static final String DISTRICT = "DISTRICT";
    public static final String STREET = "STREET";

    /** Documents written before coverage existed read as {@link Coverage#NONE}. */
    public IndicatorDocument {
        coverage = coverage == null ? Coverage.NONE : coverage;
    }

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
                asOf,
                null);
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

    /**
     * Who in the scope is entitled and served (docs/CONTRACT.md §7.5): people in the register, those holding at
     * least one target label and those of them served in the last 30 days, the rate, overdue assessments, and the
     * same per target group, always the eight groups in {@link #GROUPS} order.
     *
     * @param rate {@code served / entitled} rounded half up to 4 places, null when nobody is entitled
     */
    public record Coverage(
            long registered,
            long entitled,
            long served,
            Double rate,
            long assessmentsOverdue,
            List<GroupCoverage> groups) {

        /** The target groups, by label name (docs/CONTRACT.md §7.3), in the order of {@code groups}. */
        public static final List<String> GROUPS = List.of(
                "AGE_80_PLUS",
                "AGE_90_PLUS",
                "LIVING_ALONE",
                "EMPTY_NEST",
                "DISABLED_MILD",
                "DISABLED_MODERATE_OR_WORSE",
                "SPECIAL_HARDSHIP",
                "MINIMUM_SUBSISTENCE");

        /** A scope with nobody in the register. */
        public static final Coverage NONE = new Coverage(
                0,
                0,
                0,
                null,
                0,
                GROUPS.stream().map(g -> new GroupCoverage(g, 0, 0, null)).toList());

        public Coverage {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        /** {@code served / entitled} rounded half up to 4 decimal places; null when {@code entitled} is 0. */
        public static Double rate(long served, long entitled) {
            return entitled == 0
                    ? null
                    : java.math.BigDecimal.valueOf(served)
                            .divide(java.math.BigDecimal.valueOf(entitled), 4, java.math.RoundingMode.HALF_UP)
                            .doubleValue();
        }
    }

    /** One target group of a scope: people holding its label today, those of them served, the rate. */
    public record GroupCoverage(String group, long entitled, long served, Double rate) {}
}
