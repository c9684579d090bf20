package org.eldercare.ingest.region;

import java.util.Objects;
import java.util.Set;

/**
 * A 2025 target of a district plan for one elderly-care indicator.
 *
 * <p>{@code indicator} is one of {@link #INDICATORS}, the indicator field names of the external contract.
 * {@code comparator} is {@code ">="}, {@code "="} or {@code "<="}; {@code binding} marks 约束性 indicators;
 * {@code baseline2020} is null when the plan gives no 2020 value; {@code source} names the plan file and table row.
 */
public record PlanTarget(
        String indicator, double target, String comparator, boolean binding, Double baseline2020, String source) {

    /** The contract indicator fields a plan target may refer to. */
    public static final Set<String> INDICATORS = Set.of(
            "bedsPerThousandResidents",
            "institutionBedsPerThousandResidents",
            "careCenters",
            "careStations",
            "caregiversPerTenThousandElderly",
            "nursingBedShare");

    /**
     * Counts of facilities built and operating (建成运营…数量): a plan figure for them is a floor, met at that number or
     * more (docs/CONTRACT.md §8.1).
     */
    public static final Set<String> BUILD_OUT_COUNTS = Set.of("careCenters", "careStations");

    /** Absorbs floating-point noise from ratios such as 7 beds per 1,000 computed as 6.9999999. */
    private static final double EPSILON = 1e-9;

    public PlanTarget {
        Objects.requireNonNull(source, "source");
        if (!INDICATORS.contains(indicator)) {
            throw new IllegalArgumentException("indicator: must be one of " + INDICATORS + ", was " + indicator);
        }
        if (!">=".equals(comparator) && !"=".equals(comparator) && !"<=".equals(comparator)) {
            throw new IllegalArgumentException("comparator: must be one of >=, =, <=, was " + comparator);
        }
        if (BUILD_OUT_COUNTS.contains(indicator) && !">=".equals(comparator)) {
            throw new IllegalArgumentException(
                    indicator + ": a build-out count is a floor; comparator must be >= (docs/CONTRACT.md §8.1)");
        }
    }

    /** Whether {@code actual} satisfies this target under its comparator. */
    public boolean isMet(double actual) {
        return switch (comparator) {
            case ">=" -> actual >= target - EPSILON;
            case "<=" -> actual <= target + EPSILON;
            default -> Math.abs(actual - target) <= EPSILON;
        };
    }
}
