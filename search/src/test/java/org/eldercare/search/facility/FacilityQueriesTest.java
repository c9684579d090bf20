package org.eldercare.search.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.search.index.RequestJson;
import org.junit.jupiter.api.Test;

class FacilityQueriesTest {

    private static final double TIANANMEN_LAT = 39.9087;
    private static final double TIANANMEN_LON = 116.3975;

    @Test
    void filtersByRadiusAroundThePointAndSortsNearestFirstInKilometres() {
        JsonNode body = RequestJson.of(FacilityQueries.nearby(aroundTiananmen(3, null, null, 20)));

        JsonNode geo = filters(body).getFirst().get("geo_distance");
        assertThat(geo.get("distance").asText()).isEqualTo("3.0km");
        assertThat(geo.at("/location/lat").asDouble()).isEqualTo(TIANANMEN_LAT);
        assertThat(geo.at("/location/lon").asDouble()).isEqualTo(TIANANMEN_LON);
        JsonNode byDistance = body.get("sort").get(0).get("_geo_distance");
        assertThat(byDistance.get("unit").asText()).isEqualTo("km");
        assertThat(byDistance.get("order").asText()).isEqualTo("asc");
        assertThat(body.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void anyKindAndAvailabilityAddNoFilter() {
        JsonNode body = RequestJson.of(FacilityQueries.nearby(aroundTiananmen(3, null, null, 10)));

        assertThat(filters(body)).hasSize(1);
    }

    @Test
    void kindKeepsOnlyThatKind() {
        JsonNode body = RequestJson.of(FacilityQueries.nearby(aroundTiananmen(3, "CARE_STATION", null, 10)));

        assertThat(filters(body))
                .anySatisfy(f -> assertThat(f.at("/term/kind/value").asText()).isEqualTo("CARE_STATION"));
    }

    @Test
    void availableKeepsOperatingWithAFreeBedOrAMealTable() {
        JsonNode body = RequestJson.of(FacilityQueries.nearby(aroundTiananmen(3, null, true, 10)));

        List<JsonNode> filters = filters(body);
        assertThat(filters)
                .anySatisfy(f -> assertThat(f.at("/term/status/value").asText()).isEqualTo("OPERATING"));
        JsonNode either = filters.stream()
                .filter(f -> f.has("bool"))
                .findFirst()
                .orElseThrow()
                .get("bool");
        assertThat(either.get("minimum_should_match").asText()).isEqualTo("1");
        assertThat(either.get("should").toString())
                .contains("\"freeBeds\":{\"gt\":0.0}")
                .contains("\"value\":\"MEAL_TABLE\"");
    }

    @Test
    void availableFalseMeansAnyAvailability() {
        JsonNode body = RequestJson.of(FacilityQueries.nearby(aroundTiananmen(3, null, false, 10)));

        assertThat(filters(body)).hasSize(1);
    }

    @Test
    void thePublicFinderListsOperatingFacilitiesOnlyEvenWithoutAvailable() {
        JsonNode body = RequestJson.of(FacilityQueries.nearby(aroundTiananmen(3, null, false, 10), true));

        List<JsonNode> filters = filters(body);
        assertThat(filters).hasSize(2);
        assertThat(filters)
                .anySatisfy(f -> assertThat(f.at("/term/status/value").asText()).isEqualTo("OPERATING"));
    }

    private static NearbyQuery aroundTiananmen(double radiusKm, String kind, Boolean available, int limit) {
        return NearbyQuery.of(TIANANMEN_LAT, TIANANMEN_LON, radiusKm, kind, available, limit);
    }

    private static List<JsonNode> filters(JsonNode body) {
        List<JsonNode> filters = new ArrayList<>();
        body.at("/query/bool/filter").forEach(filters::add);
        return filters;
    }
}
