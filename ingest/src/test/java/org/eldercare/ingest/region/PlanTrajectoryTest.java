package org.eldercare.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The straight line of docs/CONTRACT.md §8.2, on Daxing's targets (shared/seeds/004_9bab4f5c63c028a8.txt). */
class PlanTrajectoryTest {

    private static final PlanTarget STATIONS = new PlanTarget("careStations", 140, ">=", true, 132.0, "daxing row 6");
    private static final PlanTarget BEDS =
            new PlanTarget("bedsPerThousandResidents", 7, ">=", false, 5.0, "daxing row 3");
    private static final PlanTarget CEILING =
            new PlanTarget("bedsPerThousandResidents", 4, "<=", false, 6.0, "a ceiling");

    @Test
    void theLineRunsFromTheBaselineAtTheEndOf2020ToTheTargetAtTheEndOf2025() {
        assertThat(PlanTrajectory.expected(STATIONS, LocalDate.of(2020, 12, 31)))
                .isEqualTo(132.0);
        assertThat(PlanTrajectory.expected(STATIONS, LocalDate.of(2025, 12, 31)))
                .isEqualTo(140.0);
    }

    @Test
    void countsDaysBetweenCalendarDatesOfWhichThePeriodHas1826() {
        // 2021, 2022, 2023 and one day: 1096 of the 1826 days (2024 is a leap year).
        assertThat(PlanTrajectory.expected(STATIONS, LocalDate.of(2024, 1, 1)))
                .isCloseTo(132 + 8 * 1096 / 1826.0, within(1e-12))
                .isCloseTo(136.80, within(0.01));
        // Halfway through the period's days: 913 of 1826, on 2023-07-02.
        assertThat(PlanTrajectory.expected(BEDS, LocalDate.of(2023, 7, 2))).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void isNotExtrapolatedBeyondThePlanPeriod() {
        assertThat(PlanTrajectory.expected(STATIONS, LocalDate.of(2019, 6, 1))).isEqualTo(132.0);
        assertThat(PlanTrajectory.expected(STATIONS, LocalDate.of(2026, 12, 1))).isEqualTo(140.0);
    }

    @Test
    void hasNoLineWithoutABaseline() {
        PlanTarget mentougou = new PlanTarget("careStations", 36, ">=", true, null, "mentougou row 5");

        assertThat(PlanTrajectory.expected(mentougou, LocalDate.of(2023, 7, 2))).isNull();
        assertThat(PlanTrajectory.progress(mentougou, 40.0, null)).isNull();
    }

    @Test
    void aFloorIsAheadAboveTheLineAndBehindBelowIt() {
        Double expected = PlanTrajectory.expected(STATIONS, LocalDate.of(2024, 1, 1)); // 136.80…

        assertThat(PlanTrajectory.progress(STATIONS, 137.0, expected)).isEqualTo(PlanTrajectory.AHEAD);
        assertThat(PlanTrajectory.progress(STATIONS, 136.0, expected)).isEqualTo(PlanTrajectory.BEHIND);
        assertThat(PlanTrajectory.progress(BEDS, 6.0, 6.0)).isEqualTo(PlanTrajectory.ON_TRACK);
        assertThat(PlanTrajectory.progress(STATIONS, null, expected)).isNull();
    }

    @Test
    void aCeilingIsAheadBelowTheLine() {
        Double expected = PlanTrajectory.expected(CEILING, LocalDate.of(2023, 7, 2)); // 5.0

        assertThat(PlanTrajectory.progress(CEILING, 4.5, expected)).isEqualTo(PlanTrajectory.AHEAD);
        assertThat(PlanTrajectory.progress(CEILING, 5.5, expected)).isEqualTo(PlanTrajectory.BEHIND);
    }
}
