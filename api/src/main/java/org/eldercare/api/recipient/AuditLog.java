package org.eldercare.api.recipient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eldercare.api.system.Caller;
import org.eldercare.search.document.IndexNames;
import org.springframework.stereotype.Component;

/**
 * Every recipient lookup, in the {@code audit} index: who, when, what was asked (with identifiers
 * masked) and how many results it gave. Written before the answer is returned, so a lookup that
 * cannot be audited is not answered.
 */
@Component
class AuditLog {

    private final ElasticsearchClient client;

    AuditLog(ElasticsearchClient client) {
        this.client = client;
    }

    record Entry(
            String at,
            String principal,
            String role,
            String action,
            String target,
            Map<String, Object> query,
            int resultCount) {}

    void record(Caller caller, String action, String target, Map<String, Object> query, int resultCount) {
        Entry entry = new Entry(
                OffsetDateTime.now(ZoneOffset.UTC).toString(),
                caller.name(),
                caller.role().name(),
                action,
                target,
                query,
                resultCount);
        try {
            client.index(i -> i.index(IndexNames.AUDIT)
                    .id(UUID.randomUUID().toString())
                    .document(entry)
                    .refresh(Refresh.WaitFor));
        } catch (IOException e) {
            throw new UncheckedIOException("audit: could not record the lookup, so it is not answered", e);
        }
    }

    List<JsonNode> newest(int page, int size) {
        try {
            return client
                    .search(
                            s -> s.index(IndexNames.AUDIT)
                                    .from(page * size)
                                    .size(size)
                                    .sort(o -> o.field(f -> f.field("at").order(SortOrder.Desc))),
                            ObjectNode.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .map(JsonNode.class::cast)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("audit: search failed", e);
        }
    }
}
