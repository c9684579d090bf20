package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.search.index.IndexRetention;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention on a real node (docs/CONTRACT.md §6.8): each log index loses exactly the documents older than its
 * retention, judged by its own time field, and keeps the rest; the other indexes are untouched.
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
