package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.eldercare.it.Fixtures.NOON;
import static org.eldercare.it.Fixtures.TIANANMEN_LAT;
import static org.eldercare.it.Fixtures.TIANANMEN_LON;
import static org.eldercare.it.Fixtures.alert;
import static org.eldercare.it.Fixtures.facilityNorthOfTiananmen;
import static org.eldercare.it.Fixtures.indicator;
import static org.eldercare.it.Fixtures.rejection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.facility.NearbyFacility;
import org.eldercare.search.index.DocumentWriter;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.search.index.IndexManager.Outcome;
import org.eldercare.search.indicator.IndicatorSearch;
import org.eldercare.search.rejection.RejectionPage;
import org.eldercare.search.rejection.RejectionSearch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Index management, the bulk writer and every query the API calls, against a real node. */
class ElasticsearchIndexIT {

    private static final List<String> OWN_INDEXES = List.of(
            IndexNames.INDICATORS,
            IndexNames.INDICATOR_HISTORY,
            IndexNames.FACILITIES,
            IndexNames.ALERTS,
            IndexNames.REJECTIONS,
            IndexNames.AUDIT);

    @TempDir
    static Path data;

    static ElasticsearchTestNode node;
    static ElasticsearchConfig config;
    static ElasticsearchClient client;
    static Map<String, Outcome> firstRun;

    @BeforeAll
    static void startNodeAndIndexFixtures() throws Exception {
        node = ElasticsearchTestNode.started(data);
        config =
                ElasticsearchConfig.from(Map.of(
                        "eldercare.elasticsearch.url",
                        node.url(),
                        "eldercare.elasticsearch.bulk-flush-interval",
                        "PT0.1S")::get);
        client = Elasticsearch.client(config);
        firstRun = new IndexManager(client, config).ensureAll();
        try (DocumentWriter writer = new DocumentWriter(client, config)) {
            writeFixtures(writer);
        }
        client.indices().refresh(r -> r.index("_all"));
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (client != null) {
            client._transport().close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static void writeFixtures(DocumentWriter w) {
        for (var f : List.of(
                facilityNorthOfTiananmen("near-station", "CARE_STATION", 0.5, 10, 3, "OPERATING"),
                facilityNorthOfTiananmen("full-center", "CARE_CENTER", 1.0, 10, 10, "OPERATING"),
                facilityNorthOfTiananmen("meal-table", "MEAL_TABLE", 1.5, 0, 0, "OPERATING"),
                facilityNorthOfTiananmen("suspended-home", "INSTITUTION", 2.0, 50, 30, "SUSPENDED"),
                facilityNorthOfTiananmen("far-station", "CARE_STATION", 30, 10, 5, "OPERATING"))) {
            w.index(IndexNames.FACILITIES, f.facilityId(), f);
        }
        for (var i : List.of(
                indicator("110109", IndicatorDocument.DISTRICT, 900, NOON),
                indicator("110101", IndicatorDocument.DISTRICT, 1200, NOON),
                indicator("110109001", IndicatorDocument.STREET, 300, NOON),
                indicator("110109002", IndicatorDocument.STREET, 200, NOON),
                indicator("110101001", IndicatorDocument.STREET, 400, NOON))) {
            w.index(IndexNames.INDICATORS, i.code(), i);
        }
        for (int minute = 0; minute < 3; minute++) {
            var snapshot = indicator("110109001", IndicatorDocument.STREET, 300 + minute, NOON.plusMinutes(minute));
            w.index(IndexNames.INDICATOR_HISTORY, snapshot.code() + "|" + snapshot.asOf(), snapshot);
        }
        for (var a : List.of(
                alert("HIGH_OCCUPANCY", "110109001", "110109", true, NOON.minusHours(2)),
                alert("BINDING_TARGET_MISSED", "110109", "110109", true, NOON.minusHours(1)),
                alert("FACILITY_SILENT", "110109002", "110109", false, NOON.minusHours(3)),
                alert("HIGH_OCCUPANCY", "110101001", "110101", true, NOON))) {
            w.index(IndexNames.ALERTS, a.id(), a);
        }
        for (var r : List.of(
                rejection("op-1", "e-1", NOON.minusMinutes(30)),
                rejection("op-1", "e-2", NOON.minusMinutes(10)),
                rejection("op-1", "e-3", NOON.minusMinutes(20)),
                rejection("op-2", "e-9", NOON))) {
            w.index(IndexNames.REJECTIONS, r.documentId(), r);
        }
    }

    @Test
    void firstRunCreatesEveryIndexThatHasAMapping() {
        assertThat(firstRun).containsKeys(OWN_INDEXES.toArray(String[]::new));
        OWN_INDEXES.forEach(index -> assertThat(firstRun.get(index)).as(index).isEqualTo(Outcome.CREATED));
        assertThat(firstRun.get(IndexNames.RECIPIENTS)).isIn(Outcome.CREATED, Outcome.SKIPPED_NO_MAPPING);
    }

    @Test
    void ensuringAgainAfterANodeRestartOnlyUpdatesMappingsAndKeepsDocuments() throws Exception {
        node.stop();
        node.start();

        Map<String, Outcome> again = new IndexManager(client, config).ensureAll();

        OWN_INDEXES.forEach(index -> assertThat(again.get(index)).as(index).isEqualTo(Outcome.MAPPING_UPDATED));
        assertThat(new FacilitySearch(client).byId("near-station")).isPresent();
    }

    @Test
    void availableKeepsOperatingFacilitiesWithAFreeBedAndOperatingMealTablesNearestFirst() {
        List<NearbyFacility> found = new FacilitySearch(client).nearby(TIANANMEN_LAT, TIANANMEN_LON, 5, null, true, 10);

        assertThat(found).extracting(NearbyFacility::facilityId).containsExactly("near-station", "meal-table");
        assertThat(found.getFirst().distanceKm()).isCloseTo(0.5, within(0.01));
        assertThat(found.getFirst().freeBeds()).isEqualTo(7);
    }

    @Test
    void withoutAvailabilityEveryFacilityInTheRadiusIsListedByDistance() {
        List<NearbyFacility> found = new FacilitySearch(client).nearby(TIANANMEN_LAT, TIANANMEN_LON, 5, null, null, 10);

        assertThat(found)
                .extracting(NearbyFacility::facilityId)
                .containsExactly("near-station", "full-center", "meal-table", "suspended-home");
    }

    @Test
    void kindAndLimitNarrowTheAnswer() {
        FacilitySearch search = new FacilitySearch(client);

        assertThat(search.nearby(TIANANMEN_LAT, TIANANMEN_LON, 50, "CARE_STATION", null, 10))
                .extracting(NearbyFacility::facilityId)
                .containsExactly("near-station", "far-station");
        assertThat(search.nearby(TIANANMEN_LAT, TIANANMEN_LON, 50, null, null, 2))
                .hasSize(2);
    }

    @Test
    void facilityByIdIsItsCurrentDocumentAndAnUnknownIdIsEmpty() {
        FacilitySearch search = new FacilitySearch(client);

        assertThat(search.byId("meal-table").orElseThrow().mealSeats()).isEqualTo(40);
        assertThat(search.byId("no-such-facility")).isEmpty();
    }

    @Test
    void districtsStreetsAndTheirLevelsAreKeptApart() {
        IndicatorSearch search = new IndicatorSearch(client);

        assertThat(search.districts()).extracting(IndicatorDocument::code).containsExactly("110101", "110109");
        assertThat(search.streets("110109"))
                .extracting(IndicatorDocument::code)
                .containsExactly("110109001", "110109002");
        assertThat(search.streets(null)).hasSize(3);
        assertThat(search.district("110109").orElseThrow().beds()).isEqualTo(900);
        assertThat(search.district("110109001")).isEmpty();
        assertThat(search.street("110109001").orElseThrow().asOf()).isEqualTo(NOON);
    }

    @Test
    void historyIsTheWindowOldestFirst() {
        List<IndicatorDocument> history =
                new IndicatorSearch(client).history("110109001", NOON.plusMinutes(1), NOON.plusMinutes(5));

        assertThat(history).extracting(IndicatorDocument::beds).containsExactly(301L, 302L);
    }

    @Test
    void alertsAreTheActiveOnesNewestFirst() {
        IndicatorSearch search = new IndicatorSearch(client);

        assertThat(search.alerts("110109"))
                .extracting(a -> a.id())
                .containsExactly("BINDING_TARGET_MISSED:110109", "HIGH_OCCUPANCY:110109001");
        assertThat(search.alerts(null)).hasSize(3);
    }

    @Test
    void anOperatorSeesOnlyItsOwnRejectionsNewestFirstWithoutPayload() {
        RejectionPage page = new RejectionSearch(client).byOperator("op-1", 0, 2);

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).extracting(r -> r.eventId()).containsExactly("e-2", "e-3");
        assertThat(page.items()).allSatisfy(r -> assertThat(r.payload()).isNull());
        assertThat(new RejectionSearch(client).byOperator("op-1", 1, 2).items())
                .extracting(r -> r.eventId())
                .containsExactly("e-1");
    }

    @Test
    void aDocumentTheMappingRefusesIsCountedAsFailedNotRetriedForever() {
        try (DocumentWriter writer = new DocumentWriter(client, config)) {
            writer.index(IndexNames.FACILITIES, "bad-beds", Map.of("facilityId", "bad-beds", "beds", "many"));
            writer.index(IndexNames.FACILITIES, "good-beds", Map.of("facilityId", "good-beds", "beds", 12));
            writer.flush();

            assertThat(writer.failedCount()).isEqualTo(1);
            assertThat(writer.indexedCount()).isEqualTo(1);
            assertThat(writer.pendingCount()).isZero();
        }
    }
}
