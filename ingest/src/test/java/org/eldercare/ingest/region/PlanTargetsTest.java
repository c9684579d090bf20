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
                        "bedsPerThousandResidents",
                        "careCenters",
                        "careStations",
                        "caregiversPerTenThousandElderly",
                        "nursingBedShare");
    }

    @Test
    void daxingAlsoHasInstitutionBedsAndBaselines() {
        assertThat(targetsOf("110115"))
                .hasSize(6)
                .filteredOn(t -> !t.indicator().equals("nursingBedShare"))
                .allSatisfy(t -> assertThat(t.baseline2020()).isNotNull());
        assertThat(target("110115", "institutionBedsPerThousandResidents"))
                .extracting(PlanTarget::target, PlanTarget::comparator, PlanTarget::binding)
                .containsExactly(5.5, ">=", false);
    }

    @Test
    void daxingCareCentersAreABindingFloorOfTwenty() {
        assertThat(target("110115", "careCenters"))
                .extracting(PlanTarget::target, PlanTarget::comparator, PlanTarget::binding, PlanTarget::baseline2020)
                .containsExactly(20.0, ">=", true, 20.0);
    }

    @Test
    void daxingCareStationsAreMetByOneHundredFortyOrMore() {
        PlanTarget stations = target("110115", "careStations");

        assertThat(stations.isMet(139)).as("139 stations: 未达标").isFalse();
        assertThat(stations.isMet(140)).as("140 stations: 达标").isTrue();
        assertThat(stations.isMet(141))
                .as("141 stations: 达标, a build-out count is a floor")
                .isTrue();
    }

    @Test
    void everyBuildOutCountIsAFloor() {
        assertThat(regions.districts())
                .flatExtracting(District::targets)
                .filteredOn(t -> PlanTarget.BUILD_OUT_COUNTS.contains(t.indicator()))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.comparator()).isEqualTo(">="));
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
        assertThat(targetsOf("110109"))
                .filteredOn(t -> !t.indicator().equals("nursingBedShare"))
                .allSatisfy(t -> assertThat(t.source()).startsWith("000_7dc82e7d90881bcb.txt"));
        assertThat(targetsOf("110115"))
                .filteredOn(t -> !t.indicator().equals("nursingBedShare"))
                .allSatisfy(t -> assertThat(t.source()).startsWith("004_9bab4f5c63c028a8.txt"));
    }

    @Test
    void everyDistrictCarriesTheNationalNursingBedShareOfFiftyFivePercent() {
        assertThat(regions.districts())
                .hasSize(16)
                .allSatisfy(d -> assertThat(d.targets())
                        .filteredOn(t -> t.indicator().equals("nursingBedShare"))
                        .singleElement()
                        .satisfies(t -> {
                            assertThat(t.target()).isEqualTo(0.55);
                            assertThat(t.comparator()).isEqualTo(">=");
                            assertThat(t.binding()).isTrue();
                            assertThat(t.baseline2020()).isNull();
                            assertThat(t.source()).contains("十四五”国家老龄事业发展和养老服务体系规划", "护理型床位占比 55%");
                        }));
    }

    @Test
    void districtsWithoutAPlanHaveOnlyTheNationalTarget() {
        assertThat(regions.districts())
                .filteredOn(d -> !d.code().equals("110109") && !d.code().equals("110115"))
                .allSatisfy(d -> assertThat(d.targets())
                        .extracting(PlanTarget::indicator)
                        .containsExactly("nursingBedShare"));
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
