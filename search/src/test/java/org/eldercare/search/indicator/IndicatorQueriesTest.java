package org.eldercare.search.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eldercare.search.index.RequestJson;
import org.junit.jupiter.api.Test;

class IndicatorQueriesTest {

    private static final String MENTOUGOU = "110109";

    @Test
    void districtsAreTheDistrictLevelSortedByCode() {
        JsonNode body = RequestJson.of(IndicatorQueries.districts());

        assertThat(body.at("/query/bool/filter/0/term/level/value").asText()).isEqualTo("DISTRICT");
        assertThat(body.at("/sort/0/code/order").asText()).isEqualTo("asc");
    }

    @Test
    void streetsOfADistrictShareItsCodePrefix() {
        JsonNode body = RequestJson.of(IndicatorQueries.streets(MENTOUGOU));

        assertThat(body.at("/query/bool/filter/0/term/level/value").asText()).isEqualTo("STREET");
        assertThat(body.at("/query/bool/filter/1/prefix/code/value").asText()).isEqualTo(MENTOUGOU);
    }

    @Test
    void allStreetsWhenNoDistrictIsGiven() {
        JsonNode body = RequestJson.of(IndicatorQueries.streets(null));

        assertThat(body.at("/query/bool/filter")).hasSize(1);
    }

    @Test
    void historyIsTheScopesSnapshotsWithinTheWindowOldestFirst() {
        OffsetDateTime from = OffsetDateTime.parse("2026-11-22T08:00:00+08:00");
        OffsetDateTime to = from.plusHours(2);

        JsonNode body = RequestJson.of(IndicatorQueries.history(MENTOUGOU, from, to));

        assertThat(body.at("/query/bool/filter/0/term/code/value").asText()).isEqualTo(MENTOUGOU);
        assertThat(body.at("/query/bool/filter/1/range/asOf/gte").asText()).isEqualTo("2026-11-22T08:00+08:00");
        assertThat(body.at("/query/bool/filter/1/range/asOf/lte").asText()).isEqualTo("2026-11-22T10:00+08:00");
        assertThat(body.at("/sort/0/asOf/order").asText()).isEqualTo("asc");
    }

    @Test
    void alertsAreActiveOnlyNewestFirstOptionallyInOneDistrict() {
        JsonNode body = RequestJson.of(IndicatorQueries.activeAlerts(MENTOUGOU));

        assertThat(body.at("/query/bool/filter/0/term/active/value").asBoolean())
                .isTrue();
        assertThat(body.at("/query/bool/filter/1/term/districtCode/value").asText())
                .isEqualTo(MENTOUGOU);
        assertThat(body.at("/sort/0/since/order").asText()).isEqualTo("desc");
    }
}
