package org.eldercare.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorConfigTest {

    @Test
    void defaultsToBothPlanDistrictsAndTheDemoOperators() {
        SimulatorConfig config = SimulatorConfig.defaults();

        assertThat(config.enabled()).isTrue();
        assertThat(config.districts()).containsExactly("110109", "110115");
        assertThat(config.tokens()).containsEntry("op-1", "demo-operator-1").containsEntry("op-2", "demo-operator-2");
    }

    @Test
    void readsItsPropertiesByKey() {
        Map<String, String> properties = Map.of(
                "eldercare.simulator.enabled", "false",
                "eldercare.simulator.rate", "12.5",
                "eldercare.simulator.districts", "110115");

        SimulatorConfig config = SimulatorConfig.fromProperties(properties::get);

        assertThat(config.enabled()).isFalse();
        assertThat(config.rate()).isEqualTo(12.5);
        assertThat(config.districts()).containsExactly("110115");
    }

    @Test
    void refusesANonPositiveRateNamingTheKey() {
        assertThatThrownBy(() -> SimulatorConfig.fromProperties(k -> k.endsWith(".rate") ? "0" : null))
                .hasMessage("eldercare.simulator.rate: must be greater than 0, was 0.0");
    }

    @Test
    void keepsTokensOutOfItsDescription() {
        assertThat(SimulatorConfig.defaults().toString())
                .doesNotContain("demo-operator")
                .doesNotContain("demo-civil-affairs");
    }

    @Test
    void sendsARegisterWithTheLocalProfilesCivilAffairsTokenUnlessToldOtherwise() {
        SimulatorConfig defaults = SimulatorConfig.defaults();
        SimulatorConfig none = SimulatorConfig.fromProperties(
                k -> k.equals("eldercare.simulator.registered-per-district") ? "0" : null);

        assertThat(defaults.registeredPerDistrict()).isEqualTo(1500);
        assertThat(defaults.civilAffairsToken()).isEqualTo("demo-civil-affairs");
        assertThat(none.registeredPerDistrict()).isZero();
        assertThatThrownBy(() -> SimulatorConfig.fromProperties(
                        k -> k.equals("eldercare.simulator.registered-per-district") ? "-1" : null))
                .hasMessage("eldercare.simulator.registered-per-district: must be between 0 and 100000, was -1");
    }
}
