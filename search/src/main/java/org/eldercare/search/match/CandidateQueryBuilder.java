package org.eldercare.search.match;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;
import org.eldercare.search.normalize.NormalizedRecipient;

/**
 * Builds the first-pass query over {@code recipients}: a bool query that must hit at least one identifying
 * {@link CandidateClause} and may hit the others, each a boosted terms query. Pure: no client, no cluster.
 */
public final class CandidateQueryBuilder {

    private CandidateQueryBuilder() {}

    /** The query for {@code q}; a {@code match_none} when the query has nothing to search by. */
    public static Query build(NormalizedRecipient q) {
        List<CandidateClause> clauses = CandidateClauses.of(q);
        List<Query> identifying = clauses.stream()
                .filter(CandidateClause::identifying)
                .map(CandidateQueryBuilder::terms)
                .toList();
        if (identifying.isEmpty()) {
            return Query.of(b -> b.matchNone(m -> m));
        }
        List<Query> ranking = clauses.stream()
                .filter(c -> !c.identifying())
                .map(CandidateQueryBuilder::terms)
                .toList();
        return Query.of(b -> b.bool(bool -> bool.must(
                        m -> m.bool(any -> any.should(identifying).minimumShouldMatch("1")))
                .should(ranking)));
    }

    private static Query terms(CandidateClause clause) {
        List<FieldValue> values = clause.values().stream().map(FieldValue::of).toList();
        return Query.of(b ->
                b.terms(t -> t.field(clause.field()).terms(v -> v.value(values)).boost(clause.boost())));
    }
}
