package org.eldercare.tools.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.search.match.Decision;
import org.eldercare.search.match.InMemoryCandidateSource;
import org.eldercare.search.match.MatchCandidate;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.search.match.RecipientMatcher;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.InMemoryPersonStore;
import org.eldercare.search.resolve.MergeLog;
import org.eldercare.search.resolve.RecipientResolver;
import org.eldercare.search.resolve.ResolutionThresholds;

/**
 * Runs resolution over the records of an {@link EvaluationSet} in time order, then the match queries against the
 * resolved persons, all in-process, and measures both against the truth labels.
 */
public final class Evaluation {

    private final RecipientNormalizer normalizer;

    public Evaluation(RecipientNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** Resolution and matching with the same thresholds. */
    public EvaluationResult run(EvaluationSet set, ResolutionThresholds thresholds) {
        return match(set, resolve(set, thresholds), thresholds);
    }

    /** The persons resolved from the records, and the truth table. */
    public Resolved resolve(EvaluationSet set, ResolutionThresholds thresholds) {
        InMemoryPersonStore store = new InMemoryPersonStore();
        MergeLog mergeLog = new MergeLog();
        RecipientResolver resolver = new RecipientResolver(store, mergeLog, thresholds);
        Map<String, String> assigned = new HashMap<>();
        for (LabelledRecord r : set.records()) {
            assigned.put(
                    r.recordKey(),
                    resolver.resolve(r.recordKey(), r.at(), normalizer.normalize(r.recipient()))
                            .recipientId());
        }
        Contingency table = new Contingency();
        Map<String, String> clusterOf = new HashMap<>();
        for (LabelledRecord r : set.records()) {
            String cluster = store.canonicalId(assigned.get(r.recordKey()));
            clusterOf.put(r.recordKey(), cluster);
            table.add(cluster, r.truthId());
        }
        return new Resolved(store, mergeLog.size(), table, Map.copyOf(clusterOf));
    }

    /** The figures of matching the queries against already resolved persons, with {@code thresholds}. */
    public EvaluationResult match(EvaluationSet set, Resolved resolved, ResolutionThresholds thresholds) {
        InMemoryPersonStore store = resolved.store();
        Contingency table = resolved.table();
        InMemoryCandidateSource source = new InMemoryCandidateSource(
                store.persons().stream().map(p -> RecipientDocument.of(p)).toList());
        RecipientMatcher matcher = new RecipientMatcher(normalizer, source, thresholds);
        Map<String, String> truthOfCluster = table.majorityTruth();
        int known = 0, top1 = 0, top10 = 0, matches = 0, rightMatches = 0, absent = 0, absentMatched = 0;
        for (LabelledQuery q : set.queries()) {
            List<MatchCandidate> candidates = matcher.match(q.request());
            for (MatchCandidate c : candidates) {
                if (c.decision() == Decision.MATCH) {
                    matches++;
                    if (q.truthId() != null && q.truthId().equals(truthOfCluster.get(c.recipientId()))) {
                        rightMatches++;
                    }
                }
            }
            if (q.truthId() == null) {
                absent++;
                absentMatched += candidates.stream().anyMatch(c -> c.decision() == Decision.MATCH) ? 1 : 0;
                continue;
            }
            known++;
            if (!candidates.isEmpty()
                    && q.truthId()
                            .equals(truthOfCluster.get(candidates.getFirst().recipientId()))) {
                top1++;
            }
            if (candidates.stream().anyMatch(c -> q.truthId().equals(truthOfCluster.get(c.recipientId())))) {
                top10++;
            }
        }
        return new EvaluationResult(
                set.persons().size(),
                set.records().size(),
                store.persons().size(),
                resolved.merges(),
                table.precision(),
                table.recall(),
                set.queries().size(),
                matches,
                ratio(rightMatches, matches),
                ratio(rightMatches, known),
                ratio(top1, known),
                ratio(top10, known),
                ratio(absentMatched, absent));
    }

    /**
     * The outcome of resolution, kept so several matching thresholds can be tried on it.
     *
     * @param clusterOf per record key, the recipient id the record ended under (after merges)
     */
    public record Resolved(InMemoryPersonStore store, int merges, Contingency table, Map<String, String> clusterOf) {}

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
