package org.eldercare.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanTargetTest {

    @Test
    void floorIsMetAtOrAboveTheTarget() {
        PlanTarget beds = target("bedsPerThousandResidents", 7, ">=");

        assertThat(beds.isMet(7.0)).isTrue();
        assertThat(beds.isMet(8.2)).isTrue();
        assertThat(beds.isMet(6.9)).isFalse();
    }

    @Test
    void floorToleratesFloatingPointNoiseButNotARealShortfall() {
        PlanTarget beds = target("bedsPerThousandResidents", 7, ">=");

        assertThat(beds.isMet(7 - 1e-12)).isTrue();
        assertThat(beds.isMet(6.999)).isFalse();
    }

    @Test
    void exactValueIsMetOnlyAtTheTarget() {
        PlanTarget exact = target("bedsPerThousandResidents", 20, "=");

        assertThat(exact.isMet(20)).isTrue();
        assertThat(exact.isMet(19)).isFalse();
        assertThat(exact.isMet(21)).isFalse();
    }

    @Test
    void refusesAnythingButAFloorOnABuildOutCount() {
        assertThatThrownBy(() -> target("careStations", 140, "="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("careStations: a build-out count is a floor; comparator must be >=");
    }

    @Test
    void ceilingIsMetAtOrBelowTheTarget() {
        PlanTarget ceiling = target("bedsPerThousandResidents", 140, "<=");

        assertThat(ceiling.isMet(140)).isTrue();
        assertThat(ceiling.isMet(12)).isTrue();
        assertThat(ceiling.isMet(141)).isFalse();
    }

    @Test
    void rejectsUnknownComparator() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> target("careCenters", 9, ">"))
                .withMessageStartingWith("comparator: must be one of");
    }

    @Test
    void rejectsIndicatorOutsideTheContract() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> target("temporaryReliefBeds", 50, ">="))
                .withMessageStartingWith("indicator: must be one of");
    }

    private static PlanTarget target(String indicator, double value, String comparator) {
        return new PlanTarget(indicator, value, comparator, false, null, "test");
    }
}
