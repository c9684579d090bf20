package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.ingest.config.Settings;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.search.index.IndexRetention;
import org.eldercare.search.index.RetentionSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a real node (docs/CONTRACT.md §6.8): each index loses exactly the documents older than its
 * retention, judged by its own time field (a family code by its revocation or expiry, a device by its unbinding), and
 * keeps the rest: an open incident or work order has no end time and is never deleted, nor is a bound device however
 * old its binding; the indexes without a retention are untouched.
 */
class IndexRetentionIT {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @TempDir
    static Path data;

    static ElasticsearchTestNode node;
    static ElasticsearchClient client;

    @BeforeAll
    static void startNode() throws Exception {
        node = ElasticsearchTestNode.started(data);
        ElasticsearchConfig config = ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.url", node.url())::get);
        client = Elasticsearch.client(config);
        new IndexManager(client, config).ensureAll();
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

    @Test
    void deletesWhatIsOlderThanEachIndexsRetentionAndNothingElse() throws Exception {
        put(IndexNames.REJECTIONS, "rejectedAt", "r-31-days", NOW.minus(Duration.ofDays(31)));
        put(IndexNames.REJECTIONS, "rejectedAt", "r-29-days", NOW.minus(Duration.ofDays(29)));
        put(IndexNames.AUDIT, "at", "a-731-days", NOW.minus(Duration.ofDays(731)));
        put(IndexNames.AUDIT, "at", "a-400-days", NOW.minus(Duration.ofDays(400)));
        put(IndexNames.INDICATOR_HISTORY, "asOf", "h-401-days", NOW.minus(Duration.ofDays(401)));
        put(IndexNames.INDICATOR_HISTORY, "asOf", "h-1-day", NOW.minus(Duration.ofDays(1)));
        put(IndexNames.ALERTS, "since", "alert-3-years", NOW.minus(Duration.ofDays(1100)));
        client.indices().refresh(r -> r.index("_all"));
        IndexRetention retention = new IndexRetention(
                client,
                List.of(
                        IndexRetention.rule(IndexNames.REJECTIONS, Duration.ofDays(30)),
                        IndexRetention.rule(IndexNames.AUDIT, Duration.ofDays(730)),
                        IndexRetention.rule(IndexNames.INDICATOR_HISTORY, Duration.ofDays(400))));

        Map<String, Long> deleted = retention.sweep(NOW);
        client.indices().refresh(r -> r.index("_all"));

        assertThat(deleted)
                .containsEntry(IndexNames.REJECTIONS, 1L)
                .containsEntry(IndexNames.AUDIT, 1L)
                .containsEntry(IndexNames.INDICATOR_HISTORY, 1L);
        assertThat(ids(IndexNames.REJECTIONS)).containsExactly("r-29-days");
        assertThat(ids(IndexNames.AUDIT)).containsExactly("a-400-days");
        assertThat(ids(IndexNames.INDICATOR_HISTORY)).containsExactly("h-1-day");
        assertThat(ids(IndexNames.ALERTS)).as("no retention for alerts").containsExactly("alert-3-years");
        assertThat(retention.sweep(NOW))
                .as("a second sweep finds nothing")
                .containsOnlyKeys(deleted.keySet())
                .allSatisfy((index, count) -> assertThat(count).isZero());
    }

    @Test
    void deletesEndedHotlineWorkVisitsAndCodesByTheContractsDefaultsAndKeepsWhatIsOpenOrYoung() throws Exception {
        // docs/CONTRACT.md §6.8, at the defaults: 400 days for orders, calls, incidents and visits; 30 for codes.
        Instant old = NOW.minus(Duration.ofDays(401));
        Instant young = NOW.minus(Duration.ofDays(399));
        putDoc(
                IndexNames.WORK_ORDERS,
                "wo-closed-401-days",
                Map.of("state", "CLOSED", "openedAt", at(old.minus(Duration.ofDays(2))), "closedAt", at(old)));
        putDoc(
                IndexNames.WORK_ORDERS,
                "wo-closed-399-days",
                Map.of("state", "CLOSED", "openedAt", at(old), "closedAt", at(young)));
        putDoc(
                IndexNames.WORK_ORDERS,
                "wo-open-3-years",
                Map.of("state", "DISPATCHED", "openedAt", at(NOW.minus(Duration.ofDays(1100)))));
        putDoc(IndexNames.CALLS, "call-401-days", Map.of("receivedAt", at(old), "reason", "REQUEST"));
        putDoc(IndexNames.CALLS, "call-399-days", Map.of("receivedAt", at(young), "reason", "INQUIRY"));
        putDoc(
                IndexNames.INCIDENTS,
                "inc-resolved-401-days",
                Map.of("state", "RESOLVED", "openedAt", at(old.minus(Duration.ofHours(1))), "resolvedAt", at(old)));
        putDoc(
                IndexNames.INCIDENTS,
                "inc-resolved-399-days",
                Map.of("state", "RESOLVED", "openedAt", at(old), "resolvedAt", at(young)));
        putDoc(
                IndexNames.INCIDENTS,
                "inc-open-3-years",
                Map.of("state", "OPEN", "openedAt", at(NOW.minus(Duration.ofDays(1100)))));
        putDoc(IndexNames.VISITS, "op-1:visit-401-days", Map.of("visitedAt", at(old)));
        putDoc(IndexNames.VISITS, "op-1:visit-1-day", Map.of("visitedAt", at(NOW.minus(Duration.ofDays(1)))));
        putDoc(
                IndexNames.FAMILY_CODES,
                "code-revoked-31-days",
                Map.of(
                        "issuedAt", at(NOW.minus(Duration.ofDays(60))),
                        "expiresAt", at(NOW.plus(Duration.ofDays(120))),
                        "revokedAt", at(NOW.minus(Duration.ofDays(31)))));
        putDoc(
                IndexNames.FAMILY_CODES,
                "code-expired-31-days",
                Map.of(
                        "issuedAt",
                        at(NOW.minus(Duration.ofDays(211))),
                        "expiresAt",
                        at(NOW.minus(Duration.ofDays(31)))));
        putDoc(
                IndexNames.FAMILY_CODES,
                "code-expired-29-days",
                Map.of(
                        "issuedAt",
                        at(NOW.minus(Duration.ofDays(209))),
                        "expiresAt",
                        at(NOW.minus(Duration.ofDays(29)))));
        putDoc(
                IndexNames.FAMILY_CODES,
                "code-active-issued-179-days-ago",
                Map.of("issuedAt", at(NOW.minus(Duration.ofDays(179))), "expiresAt", at(NOW.plus(Duration.ofDays(1)))));
        putDevice("op-1/watch-unbound-401-days", "UNBOUND", old.minus(Duration.ofDays(30)), old);
        putDevice("op-1/button-unbound-399-days", "UNBOUND", old.minus(Duration.ofDays(30)), young);
        // Unbound 401 days ago and written before unboundAt existed: its statusSince is the unbinding's time.
        putDevice("op-1/sensor-unbound-401-days-before-unboundAt", "UNBOUND", old, null);
        putDevice("op-1/door-online-3-years", "ONLINE", NOW.minus(Duration.ofDays(1100)), null);
        putDevice("op-2/meter-silent-3-years", "SILENT", NOW.minus(Duration.ofDays(1100)), null);
        // Not a document the job writes (a binding replaces the whole document): the status alone keeps it.
        putDevice("op-2/watch-online-holding-an-old-unboundAt", "ONLINE", old.minus(Duration.ofDays(30)), old);
        client.indices().refresh(r -> r.index("_all"));
        IndexRetention retention = new IndexRetention(client, RetentionSettings.rules(Settings.none()));

        Map<String, Long> deleted = retention.sweep(NOW);
        client.indices().refresh(r -> r.index("_all"));

        assertThat(ids(IndexNames.WORK_ORDERS)).containsExactly("wo-closed-399-days", "wo-open-3-years");
        assertThat(ids(IndexNames.CALLS)).containsExactly("call-399-days");
        assertThat(ids(IndexNames.INCIDENTS))
                .as("an incident still open is never deleted, however old")
                .containsExactly("inc-open-3-years", "inc-resolved-399-days");
        assertThat(ids(IndexNames.VISITS)).containsExactly("op-1:visit-1-day");
        assertThat(ids(IndexNames.FAMILY_CODES))
                .as("a code ended (revoked or expired) over 30 days ago goes; an active one stays")
                .containsExactly("code-active-issued-179-days-ago", "code-expired-29-days");
        assertThat(ids(IndexNames.DEVICES))
                .as("a device unbound over 400 days ago goes; a bound one (ONLINE, SILENT) stays however old")
                .containsExactly(
                        "op-1/button-unbound-399-days",
                        "op-1/door-online-3-years",
                        "op-2/meter-silent-3-years",
                        "op-2/watch-online-holding-an-old-unboundAt");
        assertThat(deleted)
                .containsEntry(IndexNames.WORK_ORDERS, 1L)
                .containsEntry(IndexNames.CALLS, 1L)
                .containsEntry(IndexNames.INCIDENTS, 1L)
                .containsEntry(IndexNames.VISITS, 1L)
                .containsEntry(IndexNames.FAMILY_CODES, 2L)
                .containsEntry(IndexNames.DEVICES, 2L);
    }

    /** A device's document as the job writes it (§9.9): {@code unboundAt} only when it is UNBOUND (null: as before it existed). */
    private static void putDevice(String id, String status, Instant boundAt, Instant unboundAt) throws Exception {
        Map<String, Object> document = new HashMap<>(Map.of(
                "id", id,
                "status", status,
                "boundAt", at(boundAt),
                "statusSince", at(unboundAt == null ? boundAt : unboundAt),
                "lastSignalAt", at(unboundAt == null ? boundAt : unboundAt)));
        if (unboundAt != null) {
            document.put("unboundAt", at(unboundAt));
        }
        putDoc(IndexNames.DEVICES, id, document);
    }

    private static String at(Instant instant) {
        return instant.atOffset(ZoneOffset.ofHours(8)).toString();
    }

    private static void putDoc(String index, String id, Map<String, Object> document) throws Exception {
        client.index(i -> i.index(index).id(id).document(document));
    }

    private static void put(String index, String timeField, String id, Instant at) throws Exception {
        client.index(i -> i.index(index).id(id).document(Map.of(timeField, at.toString())));
    }

    private static List<String> ids(String index) throws Exception {
        return client.search(s -> s.index(index).size(100), Map.class).hits().hits().stream()
                .map(h -> h.id())
                .sorted()
                .toList();
    }
}
