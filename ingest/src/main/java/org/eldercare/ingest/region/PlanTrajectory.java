package org.eldercare.ingest.region;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The straight line of docs/CONTRACT.md §8.2 from a target's 2020 baseline to its 2025 target: where a scope should
 * stand on a given Asia/Shanghai date, and whether it is ahead of or behind that.
 *
 * <p>The line runs from {@link #BASELINE_ON} (the plans' 2020 column is the year-end figure) to {@link #TARGET_ON}
 * (the end of the 14th Five-Year period). Before the first it is the baseline, after the second the target: the plan
 * says nothing beyond its period, so the line is not extrapolated.
 */
public final class PlanTrajectory {

    public static final LocalDate BASELINE_ON = LocalDate.of(2020, 12, 31);
    public static final LocalDate TARGET_ON = LocalDate.of(2025, 12, 31);

    public static final String AHEAD = "AHEAD";
    public static final String ON_TRACK = "ON_TRACK";
    public static final String BEHIND = "BEHIND";

    private static final long PERIOD_DAYS = ChronoUnit.DAYS.between(BASELINE_ON, TARGET_ON);
    private static final double EPSILON = 1e-9;

    private PlanTrajectory() {}

    /** The expected value on {@code day}; null when the plan gives no baseline. */
    public static Double expected(PlanTarget target, LocalDate day) {
        if (target.baseline2020() == null) {
            return null;
        }
        long elapsed = Math.clamp(ChronoUnit.DAYS.between(BASELINE_ON, day), 0, PERIOD_DAYS);
        double baseline = target.baseline2020();
        return baseline + (target.target() - baseline) * elapsed / PERIOD_DAYS;
    }

    /**
     * {@link #AHEAD}, {@link #ON_TRACK} or {@link #BEHIND}: {@code actual} against {@code expected} in the direction
     * the comparator wants (for {@code "="} any difference is behind); null when either is null.
     */
    public static String progress(PlanTarget target, Double actual, Double expected) {
        if (actual == null || expected == null) {
            return null;
        }
        double gap = actual - expected;
        if (Math.abs(gap) <= EPSILON) {
            return ON_TRACK;
        }
        return switch (target.comparator()) {
            case ">=" -> gap > 0 ? AHEAD : BEHIND;
            case "<=" -> gap < 0 ? AHEAD : BEHIND;
            default -> BEHIND;
        };
    }
}
