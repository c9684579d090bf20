package org.eldercare.search.rejection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.eldercare.ingest.deadletter.Rejection;

/** Lists an operator's own rejected events (docs/CONTRACT.md §1, {@code GET /api/v1/rejections}). */
public final class RejectionSearch {

    private final ElasticsearchClient client;

    public RejectionSearch(ElasticsearchClient client) {
        this.client = client;
    }

    /** Newest first; {@code page} is 0-based, {@code size} 1–100. */
    public RejectionPage byOperator(String operatorId, int page, int size) {
        try {
            SearchResponse<Rejection> response =
                    client.search(RejectionQueries.byOperator(operatorId, page, size), Rejection.class);
            List<Rejection> items = response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
            long total = response.hits().total() == null
                    ? items.size()
                    : response.hits().total().value();
            return new RejectionPage(items, total, page, size);
        } catch (IOException e) {
            throw new UncheckedIOException("rejections: search failed", e);
        }
    }
}
