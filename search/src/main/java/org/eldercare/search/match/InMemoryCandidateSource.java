package org.eldercare.search.match;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.search.normalize.NormalizedRecipient;

/**
 * A {@link CandidateSource} over documents held in memory, scoring candidates like the Elasticsearch query does
 * (sum of the boosts of the clauses a document hits, at least one identifying): for the evaluation and tests.
 */
public final class InMemoryCandidateSource implements CandidateSource {

    private final Map<String, RecipientDocument> documents = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByFieldValue = new HashMap<>();

    public InMemoryCandidateSource(Collection<RecipientDocument> documents) {
        documents.forEach(this::put);
    }

    public void put(RecipientDocument d) {
        documents.put(d.recipientId(), d);
        for (String field : CandidateClauses.fields()) {
            for (String value : CandidateClauses.valuesOf(d, field)) {
                idsByFieldValue
                        .computeIfAbsent(field + "=" + value, k -> new HashSet<>())
                        .add(d.recipientId());
            }
        }
    }

    @Override
    public List<RecipientDocument> candidates(NormalizedRecipient query, int limit) {
        Map<String, Double> scores = new HashMap<>();
        Set<String> identified = new HashSet<>();
        for (CandidateClause clause : CandidateClauses.of(query)) {
            Set<String> hit = new HashSet<>();
            clause.values().forEach(v -> hit.addAll(idsByFieldValue.getOrDefault(clause.field() + "=" + v, Set.of())));
            for (String id : hit) {
                scores.merge(id, (double) clause.boost(), Double::sum);
                if (clause.identifying()) {
                    identified.add(id);
                }
            }
        }
        return identified.stream()
                .sorted(Comparator.comparingDouble((String id) -> -scores.get(id))
                        .thenComparing(id -> id))
                .limit(limit)
                .map(documents::get)
                .toList();
    }
}
