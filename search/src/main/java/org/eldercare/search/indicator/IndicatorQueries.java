package org.eldercare.search.indicator;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.time.OffsetDateTime;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.document.IndicatorDocument;

/**
 * Builds the indicator, history and alert queries; pure, so their shape is tested without a
 * cluster. A street's code starts with its district's 6-digit code, which is how streets are
 * found by district.
 */
public final class IndicatorQueries {

    /** Beijing has 16 districts and about 340 streets and towns: one page holds every scope. */
    static final int MAX_SCOPES = 1000;
    /** One history point per minute: a week fits. */
    static final int MAX_HISTORY_POINTS = 10_000;

    static final int MAX_ALERTS = 500;

    private IndicatorQueries() {}

    public static SearchRequest districts() {
        return scopes(levelIs(IndicatorDocument.DISTRICT).build());
    }

    /** Streets of one district, or every street when {@code districtCode} is null. */
    public static SearchRequest streets(String districtCode) {
        BoolQuery.Builder bool = levelIs(IndicatorDocument.STREET);
        if (districtCode != null) {
            bool.filter(f -> f.prefix(p -> p.field("code").value(districtCode)));
        }
        return scopes(bool.build());
    }

    /** The scope's snapshots with {@code from <= asOf <= to}, oldest first. */
    public static SearchRequest history(String code, OffsetDateTime from, OffsetDateTime to) {
        return SearchRequest.of(s -> s.index(IndexNames.INDICATOR_HISTORY)
                .size(MAX_HISTORY_POINTS)
                .query(q -> q.bool(b -> b.filter(term("code", code))
                        .filter(f -> f.range(r ->
                                r.date(d -> d.field("asOf").gte(from.toString()).lte(to.toString()))))))
                .sort(so -> so.field(f -> f.field("asOf").order(SortOrder.Asc))));
    }

    /** Active alerts, in one district or everywhere, newest first. */
    public static SearchRequest activeAlerts(String districtCode) {
        BoolQuery.Builder bool = new BoolQuery.Builder()
                .filter(f -> f.term(t -> t.field("active").value(true)));
        if (districtCode != null) {
            bool.filter(term("districtCode", districtCode));
        }
        return SearchRequest.of(s -> s.index(IndexNames.ALERTS)
                .size(MAX_ALERTS)
                .query(bool.build()._toQuery())
                .sort(so -> so.field(f -> f.field("since").order(SortOrder.Desc)))
                .sort(so -> so.field(f -> f.field("id").order(SortOrder.Asc))));
    }

    private static SearchRequest scopes(BoolQuery query) {
        return SearchRequest.of(s -> s.index(IndexNames.INDICATORS)
                .size(MAX_SCOPES)
                .query(query._toQuery())
                .sort(so -> so.field(f -> f.field("code").order(SortOrder.Asc))));
    }

    private static BoolQuery.Builder levelIs(String level) {
        return new BoolQuery.Builder().filter(term("level", level));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }
}
