package org.eldercare.search.workorder;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.eldercare.search.document.CallDocument;
import org.eldercare.search.document.IndexNames;

/** Reads the {@code calls} index, the hotline's call log (docs/CONTRACT.md §10.2). */
public final class CallSearch {

    private final ElasticsearchClient client;

    public CallSearch(ElasticsearchClient client) {
        this.client = client;
    }

    /** A page of calls, newest {@code receivedAt} first, ties by {@code callId}; {@code streetCode} null for any. */
    public List<CallDocument> page(String streetCode, int page, int size) {
        try {
            return client.search(pageQuery(streetCode, page, size), CallDocument.class).hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("calls: search failed", e);
        }
    }

    static SearchRequest pageQuery(String streetCode, int page, int size) {
        return SearchRequest.of(s -> s.index(IndexNames.CALLS)
                .from(page * size)
                .size(size)
                .query(q -> q.bool(b -> {
                    if (streetCode != null) {
                        b.filter(f -> f.term(t -> t.field("streetCode").value(streetCode)));
                    }
                    return b;
                }))
                .sort(o -> o.field(f -> f.field("receivedAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("callId").order(SortOrder.Asc))));
    }
}
