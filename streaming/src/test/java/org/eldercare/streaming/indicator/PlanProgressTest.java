package org.eldercare.streaming.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;
import org.eldercare.streaming.facility.FacilityTotals;
import org.junit.jupiter.api.Test;

/**
 * Daxing's plan (shared/seeds/004_9bab4f5c63c028a8.txt) against its live counts: build-out counts are floors, each
 * target stands against the straight line from its 2020 baseline (docs/CONTRACT.md §8.1, §8.2), and institutions'
 * nursing-type beds give the national 护理型床位占比 (§8.3).
 */
class PlanProgressTest {

    private static final ScopeInfo DAXING = ScopeInfo.of("110115", Regions.load());
    /** 1,096 of the plan's 1,826 days. */
    private static final LocalDate NEW_YEAR_2024 = LocalDate.of(2024, 1, 1);

    private static FacilityTotals facility(FacilityKind kind, int beds, int nursingBeds) {
        return new FacilityTotals(kind, true, beds, 0, 0, 0, 0, -1, 0, -1, 0, nursingBeds);
    }

    private static List<FacilityTotals> stations(int n) {
        List<FacilityTotals> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(facility(FacilityKind.CARE_STATION, 0, 0));
        }
        return all;
    }

    private static IndicatorDocument daxing(List<FacilityTotals> facilities, LocalDate today) {
        return IndicatorCalculator.compute(DAXING, facilities, Map.of(), today.toEpochDay(), null);
    }

    private static TargetStatus target(IndicatorDocument doc, String indicator) {
        return doc.targets().stream()
                .filter(t -> t.indicator().equals(indicator))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void oneHundredFortyOneStationsMeetTheTargetOfOneHundredForty() {
        TargetStatus stations = target(daxing(stations(141), NEW_YEAR_2024), "careStations");

        assertThat(stations.actual()).isEqualTo(141.0);
        assertThat(stations.met()).as("达标: 140 or more").isTrue();
        assertThat(target(daxing(stations(139), NEW_YEAR_2024), "careStations").met())
                .isFalse();
    }

    @Test
    void eachTargetStandsAgainstTheLineFromItsBaselineToday() {
        TargetStatus stations = target(daxing(stations(137), NEW_YEAR_2024), "careStations");

        assertThat(stations.baseline()).isEqualTo(132.0);
        assertThat(stations.baselineOn()).isEqualTo("2020-12-31");
        assertThat(stations.targetOn()).isEqualTo("2025-12-31");
        assertThat(stations.expected()).isCloseTo(132 + 8 * 1096 / 1826.0, within(1e-9));
        assertThat(stations.met()).as("137 is not yet 140").isFalse();
        assertThat(stations.progress()).as("137 above the 136.80 expected").isEqualTo("AHEAD");
        assertThat(target(daxing(stations(136), NEW_YEAR_2024), "careStations").progress())
                .isEqualTo("BEHIND");
    }

    @Test
    void theExpectedValueMovesWithTheDayAlone() {
        List<FacilityTotals> same = stations(136);

        assertThat(target(daxing(same, LocalDate.of(2022, 1, 1)), "careStations")
                        .progress())
                .as("2022: 133.6 expected")
                .isEqualTo("AHEAD");
        assertThat(target(daxing(same, NEW_YEAR_2024), "careStations").progress())
                .isEqualTo("BEHIND");
        assertThat(target(daxing(same, LocalDate.of(2026, 12, 1)), "careStations")
                        .expected())
                .as("past the plan period the line stays at the target")
                .isEqualTo(140.0);
    }

    @Test
    void aTargetWithoutABaselineHasNoLine() {
        TargetStatus nursing = target(daxing(stations(1), NEW_YEAR_2024), "nursingBedShare");

        assertThat(nursing.baseline()).isNull();
        assertThat(nursing.expected()).isNull();
        assertThat(nursing.progress()).isNull();
        assertThat(nursing.actual()).as("no institution beds: no share").isNull();
        assertThat(nursing.met()).isNull();
    }

    @Test
    void nursingBedShareCountsOperatingInstitutionsOnly() {
        List<FacilityTotals> facilities = List.of(
                facility(FacilityKind.INSTITUTION, 100, 60),
                facility(FacilityKind.INSTITUTION, 100, 40),
                facility(FacilityKind.CARE_CENTER, 50, 50),
                new FacilityTotals(FacilityKind.INSTITUTION, false, 100, 0, 0, 0, 0, -1, 0, -1, 0, 100));

        IndicatorDocument doc = daxing(facilities, NEW_YEAR_2024);

        assertThat(doc.institutionBeds()).isEqualTo(200);
        assertThat(doc.institutionNursingBeds()).isEqualTo(100);
        assertThat(doc.nursingBedShare()).isEqualTo(0.5);
        TargetStatus nursing = target(doc, "nursingBedShare");
        assertThat(nursing.target()).isEqualTo(0.55);
        assertThat(nursing.binding()).isTrue();
        assertThat(nursing.met()).as("50% is under 55%").isFalse();
    }
}
