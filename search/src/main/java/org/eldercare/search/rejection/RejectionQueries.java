package org.eldercare.search.rejection;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import org.eldercare.search.document.IndexNames;

/** Builds the rejections query; pure, so its shape is tested without a cluster. */
public final class RejectionQueries {

    public static final int MAX_PAGE_SIZE = 100;
    /** Elasticsearch's default {@code max_result_window}: deeper pages are refused up front. */
    static final int MAX_WINDOW = 10_000;

    private RejectionQueries() {}

    /** One operator's rejections, newest first, page {@code page} (0-based); never the payload. */
    public static SearchRequest byOperator(String operatorId, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page: must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        if ((long) page * size + size > MAX_WINDOW) {
            throw new IllegalArgumentException("page: page × size must stay within the newest " + MAX_WINDOW);
        }
        return SearchRequest.of(s -> s.index(IndexNames.REJECTIONS)
                .from(page * size)
                .size(size)
                .trackTotalHits(t -> t.enabled(true))
                .source(src -> src.filter(f -> f.excludes("payload")))
                .query(q -> q.bool(
                        b -> b.filter(f -> f.term(t -> t.field("operatorId").value(operatorId)))))
                .sort(so -> so.field(f -> f.field("rejectedAt").order(SortOrder.Desc)))
                .sort(so -> so.field(f -> f.field("eventId").order(SortOrder.Asc))));
    }
}
