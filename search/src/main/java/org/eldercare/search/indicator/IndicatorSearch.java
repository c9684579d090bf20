package org.eldercare.search.indicator;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.document.IndicatorDocument;

/**
 * Reads live indicators (docs/CONTRACT.md §3), their per-minute history and active alerts. Lists are
 * sorted by code (indicators), by time (history, oldest first) or newest first (alerts). A code
 * of the wrong level is not found: {@link #district} does not return a street.
 */
public final class IndicatorSearch {

    private final ElasticsearchClient client;

    public IndicatorSearch(ElasticsearchClient client) {
        this.client = client;
    }

    public List<IndicatorDocument> districts() {
        return search(IndicatorQueries.districts(), IndicatorDocument.class);
    }

    public Optional<IndicatorDocument> district(String code) {
        return byCode(code).filter(d -> IndicatorDocument.DISTRICT.equals(d.level()));
    }

    /** Streets of the district, or all streets when {@code districtCode} is null. */
    public List<IndicatorDocument> streets(String districtCode) {
        return search(IndicatorQueries.streets(districtCode), IndicatorDocument.class);
    }

    public Optional<IndicatorDocument> street(String code) {
        return byCode(code).filter(d -> IndicatorDocument.STREET.equals(d.level()));
    }

    public List<IndicatorDocument> history(String code, OffsetDateTime from, OffsetDateTime to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from: must not be after to");
        }
        return search(IndicatorQueries.history(code, from, to), IndicatorDocument.class);
    }

    /** Active alerts in the district, or everywhere when {@code districtCode} is null. */
    public List<AlertDocument> alerts(String districtCode) {
        return search(IndicatorQueries.activeAlerts(districtCode), AlertDocument.class);
    }

    private Optional<IndicatorDocument> byCode(String code) {
        try {
            GetResponse<IndicatorDocument> r =
                    client.get(g -> g.index(IndexNames.INDICATORS).id(code), IndicatorDocument.class);
            return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(IndexNames.INDICATORS + ": get failed", e);
        }
    }

    private <T> List<T> search(SearchRequest request, Class<T> type) {
        try {
            return client.search(request, type).hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(",", request.index()) + ": search failed", e);
        }
    }
}
