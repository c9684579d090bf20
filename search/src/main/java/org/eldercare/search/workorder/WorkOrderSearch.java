package org.eldercare.search.workorder;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.document.WorkOrderDocument;

/**
 * Reads the {@code work-orders} index (docs/CONTRACT.md §10.2, §10.3). I/O failures surface as {@link
 * UncheckedIOException}.
 */
public final class WorkOrderSearch {

    /** The most orders one SLA sample reads: open ones and those of the last 24 hours, city-wide. */
    public static final int SAMPLE_MAX = 10_000;

    private final ElasticsearchClient client;

    public WorkOrderSearch(ElasticsearchClient client) {
        this.client = client;
    }

    /** The orders an SLA sample needs: not closed, or dispatched or closed since {@code since}. */
    public List<WorkOrderDocument> forSla(OffsetDateTime since) {
        try {
            return client.search(slaQuery(since), WorkOrderDocument.class).hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("work-orders: search failed", e);
        }
    }

    /** The order, or empty when the index holds none by that id. */
    public Optional<WorkOrderDocument> byId(String workOrderId) {
        try {
            var response = client.get(g -> g.index(IndexNames.WORK_ORDERS).id(workOrderId), WorkOrderDocument.class);
            return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("work-orders: get failed", e);
        }
    }

    /** A page of orders, newest opened first; {@code streetCode} and {@code state} null for any. */
    public List<WorkOrderDocument> page(String streetCode, String state, int page, int size) {
        try {
            return client
                    .search(pageQuery(streetCode, state, page, size), WorkOrderDocument.class)
                    .hits()
                    .hits()
                    .stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("work-orders: search failed", e);
        }
    }

    /**
     * The orders opened on each of {@code callIds} (docs/CONTRACT.md §10.2), newest opened first; a call with none is
     * absent from the map.
     */
    public Map<String, List<WorkOrderDocument>> ofCalls(Collection<String> callIds) {
        if (callIds.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, List<WorkOrderDocument>> byCall = new LinkedHashMap<>();
            client.search(ofCallsQuery(callIds), WorkOrderDocument.class).hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .forEach(o -> byCall.computeIfAbsent(o.callId(), c -> new ArrayList<>())
                            .add(o));
            return byCall;
        } catch (IOException e) {
            throw new UncheckedIOException("work-orders: search failed", e);
        }
    }

    static SearchRequest ofCallsQuery(Collection<String> callIds) {
        List<FieldValue> ids = callIds.stream().map(FieldValue::of).toList();
        return SearchRequest.of(s -> s.index(IndexNames.WORK_ORDERS)
                // A call opens an order or two; ten a call is far more than a hotline opens.
                .size(Math.min(SAMPLE_MAX, callIds.size() * 10))
                .query(q ->
                        q.bool(b -> b.filter(f -> f.terms(t -> t.field("callId").terms(v -> v.value(ids))))))
                .sort(o -> o.field(f -> f.field("openedAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("workOrderId").order(SortOrder.Asc))));
    }

    static SearchRequest pageQuery(String streetCode, String state, int page, int size) {
        return SearchRequest.of(s -> s.index(IndexNames.WORK_ORDERS)
                .from(page * size)
                .size(size)
                .query(q -> q.bool(b -> {
                    if (streetCode != null) {
                        b.filter(f -> f.term(t -> t.field("streetCode").value(streetCode)));
                    }
                    if (state != null) {
                        b.filter(f -> f.term(t -> t.field("state").value(state)));
                    }
                    return b;
                }))
                .sort(o -> o.field(f -> f.field("openedAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("workOrderId").order(SortOrder.Asc))));
    }

    static SearchRequest slaQuery(OffsetDateTime since) {
        String from = since.toInstant().toString();
        return SearchRequest.of(s -> s.index(IndexNames.WORK_ORDERS)
                .size(SAMPLE_MAX)
                .query(q -> q.bool(b -> b.should(sh -> sh.terms(t -> t.field("state")
                                .terms(v -> v.value(List.of(
                                        FieldValue.of(WorkOrderDocument.OPEN),
                                        FieldValue.of(WorkOrderDocument.DISPATCHED))))))
                        .should(sh -> sh.range(
                                r -> r.untyped(u -> u.field("dispatchedAt").gte(JsonData.of(from)))))
                        .should(sh ->
                                sh.range(r -> r.untyped(u -> u.field("closedAt").gte(JsonData.of(from)))))
                        .minimumShouldMatch("1"))));
    }
}
