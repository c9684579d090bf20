package org.eldercare.search.match;

import java.util.List;

/**
 * One way a person can be a candidate for a query: a {@code recipients} field holding one of {@code values}.
 * {@code identifying} clauses can each make a candidate; the others only rank candidates found by one.
 */
public record CandidateClause(String field, List<String> values, float boost, boolean identifying) {

    public CandidateClause {
        values = List.copyOf(values);
    }
}
