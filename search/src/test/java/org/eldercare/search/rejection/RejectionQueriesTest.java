package org.eldercare.search.rejection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.eldercare.search.index.RequestJson;
import org.junit.jupiter.api.Test;

class RejectionQueriesTest {

    @Test
    void onlyTheOperatorsOwnNewestFirstWithoutPayload() {
        JsonNode body = RequestJson.of(RejectionQueries.byOperator("op-1", 2, 20));

        assertThat(body.at("/query/bool/filter/0/term/operatorId/value").asText())
                .isEqualTo("op-1");
        assertThat(body.at("/sort/0/rejectedAt/order").asText()).isEqualTo("desc");
        assertThat(body.at("/_source/excludes/0").asText()).isEqualTo("payload");
        assertThat(body.get("from").asInt()).isEqualTo(40);
        assertThat(body.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void rejectsAPageSizeAboveOneHundred() {
        assertThatThrownBy(() -> RejectionQueries.byOperator("op-1", 0, 101))
                .hasMessage("size: must be between 1 and 100");
    }

    @Test
    void rejectsANegativePage() {
        assertThatThrownBy(() -> RejectionQueries.byOperator("op-1", -1, 20)).hasMessage("page: must be 0 or more");
    }
}
