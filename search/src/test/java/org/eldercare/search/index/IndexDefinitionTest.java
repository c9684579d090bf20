package org.eldercare.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.eldercare.search.document.IndexNames;
import org.junit.jupiter.api.Test;

class IndexDefinitionTest {

    private static final List<String> OWN_INDEXES = List.of(
            IndexNames.INDICATORS,
            IndexNames.INDICATOR_HISTORY,
            IndexNames.FACILITIES,
            IndexNames.ALERTS,
            IndexNames.REJECTIONS,
            IndexNames.AUDIT);

    @Test
    void everyIndexNameIsManaged() {
        assertThat(IndexManager.allIndexes())
                .containsAll(OWN_INDEXES)
                .contains(IndexNames.RECIPIENTS, IndexNames.SERVICE_RECORDS);
    }

    @Test
    void ownIndexesHaveAMappingWithPropertiesAndTheConfiguredReplicas() {
        for (String index : OWN_INDEXES) {
            IndexDefinition definition = IndexDefinition.load(index, 2).orElseThrow();

            assertThat(definition.mappings().get("properties").size()).as(index).isPositive();
            assertThat(definition
                            .createBody()
                            .at("/settings/index/number_of_replicas")
                            .asInt())
                    .as(index)
                    .isEqualTo(2);
        }
    }

    @Test
    void facilitiesLocationIsAGeoPoint() {
        IndexDefinition facilities =
                IndexDefinition.load(IndexNames.FACILITIES, 0).orElseThrow();

        assertThat(facilities.mappings().at("/properties/location/type").asText())
                .isEqualTo("geo_point");
    }

    @Test
    void rejectionPayloadIsNotSearchable() {
        IndexDefinition rejections =
                IndexDefinition.load(IndexNames.REJECTIONS, 0).orElseThrow();

        assertThat(rejections.mappings().at("/properties/payload/index").asBoolean(true))
                .isFalse();
    }

    @Test
    void aBareMappingIsWrappedIntoACreateBody() throws Exception {
        var bare = new ObjectMapper().readTree("{\"properties\":{\"name\":{\"type\":\"keyword\"}}}");

        IndexDefinition definition = IndexDefinition.parse("people", bare, 0);

        assertThat(definition.createBody().at("/mappings/properties/name/type").asText())
                .isEqualTo("keyword");
        assertThat(definition
                        .createBody()
                        .at("/settings/index/number_of_replicas")
                        .asInt())
                .isZero();
    }

    @Test
    void anIndexWithoutResourceIsAbsentNotAnError() {
        assertThat(IndexDefinition.load("no-such-index", 0)).isEmpty();
    }

    @Test
    void rejectsMappingsThatAreNotAnObject() throws Exception {
        var broken = new ObjectMapper().readTree("{\"mappings\":[]}");

        assertThatThrownBy(() -> IndexDefinition.parse("broken", broken, 0))
                .hasMessage("mappings/broken.json: mappings must be a JSON object");
    }
}
