package org.eldercare.streaming.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Duration;
import org.eldercare.ingest.codec.CloudEventJson;
import org.junit.jupiter.api.Test;

/** The incident rules are data per district, with their source (docs/CONTRACT.md §9.4). */
class IncidentRulesTest {

    @Test
    void aDistrictWithoutAFileOfItsOwnHasTheDefaultsWithTheirSource() {
        IncidentRules rules = IncidentRules.forDistrict("110109");

        assertThat(rules.district()).isEqualTo("default");
        assertThat(rules.source()).contains("10 L");
        assertThat(rules.litresPer24Hours()).isEqualTo(10);
        assertThat(rules.lowWaterLabels()).containsExactly("LIVING_ALONE");
        assertThat(rules.sos().escalation())
                .extracting(IncidentRules.Tier::tier)
                .containsExactly("HOTLINE", "STREET_OFFICE", "COMMUNITY");
        assertThat(rules.sos().escalatesAt(0, 2))
                .isEqualTo(Duration.ofMinutes(13).toMillis());
    }

    @Test
    void refusesAFileThatMissesAFieldOrRepeatsATierNamingIt() throws Exception {
        ObjectNode missing = defaults();
        ((ObjectNode) missing.path("rules").path("SOS")).remove("resolveWithin");
        assertThatThrownBy(() -> IncidentRules.parse("x.json", missing))
                .hasMessage("x.json: rules.SOS.resolveWithin: is required");

        ObjectNode twice = defaults();
        ((ObjectNode) twice.path("rules").path("SOS").path("escalation").get(1)).put("tier", "HOTLINE");
        assertThatThrownBy(() -> IncidentRules.parse("x.json", twice))
                .hasMessage("x.json: rules.SOS.escalation[1].tier: HOTLINE is in the chain twice");

        ObjectNode tooQuick = defaults();
        ((ObjectNode) tooQuick.path("rules").path("LOW_WATER")).put("dispatchWithin", "PT30S");
        assertThatThrownBy(() -> IncidentRules.parse("x.json", tooQuick))
                .hasMessage("x.json: rules.LOW_WATER.dispatchWithin: must be at least 1 minute");
    }

    private static ObjectNode defaults() throws Exception {
        try (InputStream in =
                IncidentRulesTest.class.getClassLoader().getResourceAsStream("incidents/rules/default.json")) {
            return (ObjectNode) CloudEventJson.mapper().readTree(in);
        }
    }
}
