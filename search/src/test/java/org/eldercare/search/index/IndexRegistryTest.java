package org.eldercare.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.document.IndicatorDocument;
import org.junit.jupiter.api.Test;

class IndexRegistryTest {

    @Test
    void theRegistryHoldsEveryIndexUnderItsName() {
        assertThat(IndexRegistry.names())
                .containsExactly(
                        IndexNames.INDICATORS,
                        IndexNames.INDICATOR_HISTORY,
                        IndexNames.FACILITIES,
                        IndexNames.SERVICE_RECORDS,
                        IndexNames.RECIPIENTS,
                        IndexNames.ALERTS,
                        IndexNames.REJECTIONS,
                        IndexNames.AUDIT,
                        IndexNames.PERSONS,
                        IndexNames.INCIDENTS,
                        IndexNames.REVIEW_CASES,
                        IndexNames.WORK_ORDERS,
                        IndexNames.CALLS,
                        IndexNames.FAMILY_CODES,
                        IndexNames.VISITS,
                        IndexNames.DEVICES)
                .containsExactly(
                        "indicators",
                        "indicator-history",
                        "facilities",
                        "service-records",
                        "recipients",
                        "alerts",
                        "rejections",
                        "audit",
                        "persons",
                        "incidents",
                        "review-cases",
                        "work-orders",
                        "calls",
                        "family-codes",
                        "visits",
                        "devices");
        assertThat(IndexRegistry.PERSONS.mappingResource()).isEqualTo("mappings/persons.json");
        assertThat(IndexRegistry.byName("indicator")).isEmpty();
    }

    @Test
    void everyIndexHasItsMappingResourceOnTheClasspath() {
        assertThat(IndexRegistry.ALL).allSatisfy(index -> {
            assertThat(index.mappingResource()).isEqualTo("mappings/" + index.name() + ".json");
            assertThat(getClass().getClassLoader().getResource(index.mappingResource()))
                    .as(index.mappingResource())
                    .isNotNull();
            assertThat(index.idRule()).isNotBlank();
        });
    }

    @Test
    void buildsTheDeterministicIdsReplaysOverwrite() {
        IndicatorDocument point = indicators("110109", OffsetDateTime.parse("2026-11-23T01:15:42Z"));
        Rejection rejection = new Rejection(
                "e-1", "/operators/op-1", "op-2", "bed.occupied", List.of("x"), Rejection.STREAM, null, "{}");

        assertThat(IndexRegistry.INDICATORS.id(point)).isEqualTo("110109");
        // The minute is local to Asia/Shanghai (+08:00), like the contract's day.
        assertThat(IndexRegistry.INDICATOR_HISTORY.id(point)).isEqualTo("110109|2026-11-23T09:15");
        assertThat(IndexRegistry.REJECTIONS.id(rejection)).isEqualTo("op-2|/operators/op-1|e-1|STREAM");
        assertThat(IndexRegistry.AUDIT.id(new Object())).isNotEqualTo(IndexRegistry.AUDIT.id(new Object()));
    }

    @Test
    void travelsToAFlinkSinkAsAnIdFunction() throws Exception {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            for (IndexSpec<?> index : IndexRegistry.ALL) {
                out.writeObject(index);
            }
        }
    }

    private static IndicatorDocument indicators(String code, OffsetDateTime asOf) {
        return new IndicatorDocument(
                code,
                "",
                IndicatorDocument.DISTRICT,
                null,
                null,
                0,
                null,
                0,
                null,
                0,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                0,
                0,
                0,
                List.of(),
                asOf);
    }
}
