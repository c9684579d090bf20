package org.eldercare.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTargetsTest {

    private final Regions regions = Regions.load();

    @Test
    void mentougouHasItsFourElderlyCareTargets() {
        assertThat(targetsOf("110109"))
                .extracting(PlanTarget::indicator)
                .containsExactlyInAnyOrder(
                        "bedsPerThousandResidents", "careCenters", "careStations", "caregiversPerTenThousandElderly");
    }

    @Test
    void daxingAlsoHasInstitutionBedsAndBaselines() {
        assertThat(targetsOf("110115"))
                .hasSize(5)
                .allSatisfy(t -> assertThat(t.baseline2020()).isNotNull());
        assertThat(target("110115", "institutionBedsPerThousandResidents"))
                .extracting(PlanTarget::target, PlanTarget::comparator, PlanTarget::binding)
                .containsExactly(5.5, ">=", false);
    }

    @Test
    void daxingCareCentersAreABindingCountOfTwenty() {
        assertThat(target("110115", "careCenters"))
                .extracting(PlanTarget::target, PlanTarget::comparator, PlanTarget::binding, PlanTarget::baseline2020)
                .containsExactly(20.0, "=", true, 20.0);
    }

    @Test
    void mentougouCareStationsAreABindingFloorOfThirtySix() {
        assertThat(target("110109", "careStations"))
                .extracting(PlanTarget::target, PlanTarget::comparator, PlanTarget::binding)
                .containsExactly(36.0, ">=", true);
    }

    @Test
    void mentougouBedsPerThousandIsAnExpectedNotBindingFloor() {
        assertThat(target("110109", "bedsPerThousandResidents"))
                .extracting(PlanTarget::target, PlanTarget::comparator, PlanTarget::binding, PlanTarget::baseline2020)
                .containsExactly(7.0, ">=", false, null);
    }

    @Test
    void plainRatioTargetReadsAsAFloor() {
        assertThat(target("110115", "bedsPerThousandResidents").comparator()).isEqualTo(">=");
    }

    @Test
    void everyTargetCitesItsPlanFile() {
        assertThat(targetsOf("110109")).allSatisfy(t -> assertThat(t.source()).startsWith("000_7dc82e7d90881bcb.txt"));
        assertThat(targetsOf("110115")).allSatisfy(t -> assertThat(t.source()).startsWith("004_9bab4f5c63c028a8.txt"));
    }

    @Test
    void districtsWithoutAPlanHaveNoTargets() {
        assertThat(regions.districts())
                .filteredOn(d -> !d.code().equals("110109") && !d.code().equals("110115"))
                .allSatisfy(d -> assertThat(d.targets()).isEmpty());
    }

    private List<PlanTarget> targetsOf(String districtCode) {
        return regions.district(districtCode).orElseThrow().targets();
    }

    private PlanTarget target(String districtCode, String indicator) {
        return targetsOf(districtCode).stream()
                .filter(t -> t.indicator().equals(indicator))
                .findFirst()
                .orElseThrow();
    }
}
