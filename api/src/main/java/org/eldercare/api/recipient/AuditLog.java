package org.eldercare.api.recipient;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eldercare.api.system.Caller;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.IndexRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every recipient lookup, in the {@code audit} index: who, when, what was asked (with identifiers
 * masked) and how many results it gave. Written before the answer is returned, so a lookup that
 * cannot be audited is not answered: it fails with 503 (docs/CONTRACT.md §6.2).
 *
 * <p>Durable, not instantly searchable: an acknowledged index request is in the fsynced translog
 * ({@code index.translog.durability: request}, see {@code mappings/audit.json}), so the entry survives a
 * crash. No refresh is asked for; waiting for one cost every lookup up to the 1 s refresh interval, and
 * the audit only has to show up in {@code GET /api/v1/audit} within that interval.
 */
@Component
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final ElasticsearchClient client;
    private final Timer writeLatency;

    AuditLog(ElasticsearchClient client, MeterRegistry registry) {
        this.client = client;
        // Every personal-data read waits for this write: its share of the read's latency is worth watching.
        this.writeLatency = Timer.builder("eldercare.audit.write")
                .description("Latency of writing one audit entry, which a personal-data read waits for")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    record Entry(
            String at,
            String principal,
            String role,
            String action,
            String target,
            Map<String, Object> query,
            int resultCount) {}

    public void record(Caller caller, String action, String target, Map<String, Object> query, int resultCount) {
        record(caller.name(), caller.role().name(), action, target, query, resultCount);
    }

    /**
     * An entry for a principal that is not a token's, such as a family access code (docs/CONTRACT.md §10.4), named by
     * an id that opens nothing.
     */
    public void record(
            String principal, String role, String action, String target, Map<String, Object> query, int resultCount) {
        Entry entry = new Entry(
                OffsetDateTime.now(ZoneOffset.UTC).toString(), principal, role, action, target, query, resultCount);
        long start = System.nanoTime();
        try {
            client.index(i -> i.index(IndexRegistry.AUDIT.name())
                    .id(IndexRegistry.AUDIT.id(entry))
                    .document(entry));
            writeLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (IOException | ElasticsearchException e) {
            throw unavailable(e);
        }
    }

    /** The lookup's answer is withheld; the cause stays in the server log, not in the response. */
    private static ResponseStatusException unavailable(Exception cause) {
        LOG.warn("audit: write failed, lookup not answered: {}", cause.toString());
        return new ResponseStatusException(
                HttpStatus.SERVICE_UNAVAILABLE, "audit: could not record the lookup, so it is not answered", cause);
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
