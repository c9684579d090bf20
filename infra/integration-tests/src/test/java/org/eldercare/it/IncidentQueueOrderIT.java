package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentSearch;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hotline's queue order (docs/CONTRACT.md §9.7) read from a real node, which, like the local platform's, has no
 * scripting module: open incidents first by the deadline of their state, then the resolved ones, last resolved first,
 * ties by id; pages of any size add up to the same order.
 */
class IncidentQueueOrderIT {

    static final String STREET = "110109001";
    static final String OTHER_STREET = "110109002";

    @TempDir
    static Path data;

    static ElasticsearchTestNode node;
    static ElasticsearchClient client;
    static IncidentSearch incidents;

    @BeforeAll
    static void startNodeWithAQueue() throws Exception {
        node = ElasticsearchTestNode.started(data);
        ElasticsearchConfig config = ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.url", node.url())::get);
        client = Elasticsearch.client(config);
        new IndexManager(client, config).ensureAll();
        incidents = new IncidentSearch(client);

        put("open-late", IncidentDocument.OPEN, STREET, "acknowledgeBy", "10:05");
        put("acknowledged", IncidentDocument.ACKNOWLEDGED, STREET, "dispatchBy", "10:01");
        put("open-early", IncidentDocument.OPEN, STREET, "acknowledgeBy", "10:02");
        put("dispatched", IncidentDocument.DISPATCHED, STREET, "resolveBy", "10:03");
        put("open-without-deadline", IncidentDocument.OPEN, STREET, null, null);
        put("resolved-earlier", IncidentDocument.RESOLVED, STREET, "resolvedAt", "09:00");
        put("resolved-later", IncidentDocument.RESOLVED, STREET, "resolvedAt", "09:30");
        put("elsewhere", IncidentDocument.OPEN, OTHER_STREET, "acknowledgeBy", "09:59");
        client.indices().refresh(r -> r.index(IndexNames.INCIDENTS));
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
    void listsOpenIncidentsByTheirNextDeadlineThenTheResolvedOnesLastResolvedFirst() {
        assertThat(ids(incidents.page(null, STREET, false, 0, 50)))
                .containsExactly(
                        "open-without-deadline",
                        "acknowledged",
                        "open-early",
                        "dispatched",
                        "open-late",
                        "resolved-later",
                        "resolved-earlier");
    }

    @Test
    void pagesOfAnySizeAddUpToTheSameOrder() {
        List<String> whole = ids(incidents.page(null, STREET, false, 0, 50));
        for (int size = 1; size <= 4; size++) {
            List<String> paged = new ArrayList<>();
            for (int page = 0; page * size < whole.size() + size; page++) {
                paged.addAll(ids(incidents.page(null, STREET, false, page, size)));
            }
            assertThat(paged).as("pages of %d", size).isEqualTo(whole);
        }
    }

    @Test
    void filtersByStateStreetAndOpenOnly() {
        assertThat(ids(incidents.page(null, STREET, true, 0, 50)))
                .containsExactly("open-without-deadline", "acknowledged", "open-early", "dispatched", "open-late");
        assertThat(ids(incidents.page(IncidentDocument.RESOLVED, STREET, false, 0, 50)))
                .containsExactly("resolved-later", "resolved-earlier");
        assertThat(ids(incidents.page(IncidentDocument.OPEN, null, false, 0, 50)))
                .containsExactly("open-without-deadline", "elsewhere", "open-early", "open-late");
    }

    private static void put(String id, String state, String street, String timeField, String hhmm) throws Exception {
        Map<String, Object> doc = new HashMap<>();
        doc.put("incidentId", id);
        doc.put("rule", "SOS");
        doc.put("state", state);
        doc.put("streetCode", street);
        doc.put("districtCode", street.substring(0, 6));
        doc.put("openedAt", "2026-12-01T08:00:00+08:00");
        if (timeField != null) {
            doc.put(timeField, Instant.parse("2026-12-01T" + hhmm + ":00Z").toString());
        }
        client.index(i -> i.index(IndexNames.INCIDENTS).id(id).document(doc));
    }

    private static List<String> ids(List<IncidentDocument> page) {
        return page.stream().map(IncidentDocument::incidentId).toList();
    }
}
