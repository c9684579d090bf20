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

    @Test
    void runsAFewHundredDevicesAndAHotlineDeskUnlessToldOtherwise() {
        TerminalConfig defaults = SimulatorConfig.defaults().terminals();
        TerminalConfig more = SimulatorConfig.fromProperties(k -> switch (k) {
                    case "eldercare.simulator.max-devices" -> "100000";
                    case "eldercare.simulator.hotline-desk" -> "desk-3";
                    default -> null;
                })
                .terminals();

        assertThat(defaults.deviceShare()).isEqualTo(0.2);
        assertThat(defaults.maxDevices()).isEqualTo(400);
        assertThat(defaults.hotlineToken()).isEqualTo("demo-hotline");
        assertThat(more.maxDevices()).isEqualTo(100_000);
        assertThat(more.hotlineSource()).isEqualTo("/hotline/desk-3");
        assertThat(SimulatorConfig.defaults().toString()).doesNotContain("demo-hotline");
        assertThatThrownBy(() -> SimulatorConfig.fromProperties(
                        k -> k.equals("eldercare.simulator.hotline-desk") ? "desk 3" : null))
                .hasMessageStartingWith("eldercare.simulator.hotline-desk: must be 1 to 64 of A-Z a-z 0-9 _ . -");
        assertThatThrownBy(() -> SimulatorConfig.fromProperties(
                        k -> k.equals("eldercare.simulator.device-share") ? "1.5" : null))
                .hasMessage("eldercare.simulator.device-share: must be between 0 and 1, was 1.5");
    }
}
