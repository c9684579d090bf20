package org.eldercare.tools.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.search.match.Decision;
import org.eldercare.search.match.InMemoryCandidateSource;
import org.eldercare.search.match.MatchCandidate;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.search.match.RecipientMatcher;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.InMemoryPersonStore;
import org.eldercare.search.resolve.MergeLog;
import org.eldercare.search.resolve.RecipientResolver;
import org.eldercare.search.resolve.Resolution;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.ReviewCase;

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
        Map<String, ReviewCase> cases = new LinkedHashMap<>();
        for (LabelledRecord r : set.records()) {
            Resolution resolution = resolver.resolve(r.recordKey(), r.at(), normalizer.normalize(r.recipient()));
            assigned.put(r.recordKey(), resolution.recipientId());
            resolution.reviews().forEach(c -> cases.put(c.caseId(), c));
        }
        Contingency table = new Contingency();
        Map<String, String> clusterOf = new HashMap<>();
        for (LabelledRecord r : set.records()) {
            String cluster = store.canonicalId(assigned.get(r.recordKey()));
            clusterOf.put(r.recordKey(), cluster);
            table.add(r.recordKey(), cluster, r.truthId());
        }
        return new Resolved(store, mergeLog.size(), table, Map.copyOf(clusterOf), review(set, store, table, cases));
    }

    /**
     * The queue as it stands after the last record, and the figures a reviewer who decides every open case right
     * would leave: the same-person cases confirmed (their clusters joined), the rest split (nothing changes).
     */
    private static Queue review(
            EvaluationSet set, InMemoryPersonStore store, Contingency table, Map<String, ReviewCase> cases) {
        Map<String, String> truthOf = table.majorityTruth();
        Map<String, String> joined = new HashMap<>();
        Set<String> open = new HashSet<>();
        int same = 0;
        for (ReviewCase c : cases.values()) {
            String left = store.canonicalId(c.left().recipientId());
            String right = store.canonicalId(c.right().recipientId());
            if (left.equals(right) || !open.add(left.compareTo(right) < 0 ? left + "|" + right : right + "|" + left)) {
                continue;
            }
            if (truthOf.get(left) != null && truthOf.get(left).equals(truthOf.get(right))) {
                same++;
                String a = root(joined, left);
                String b = root(joined, right);
                if (!a.equals(b)) {
                    joined.put(a, b);
                }
            }
        }
        Contingency reviewed = new Contingency();
        for (LabelledRecord r : set.records()) {
            reviewed.add(root(joined, table.clusterOfRecord(r.recordKey())), r.truthId());
        }
        return new Queue(open.size(), same, reviewed);
    }

    private static String root(Map<String, String> joined, String id) {
        String at = id;
        for (String next = joined.get(at); next != null; next = joined.get(at)) {
            at = next;
        }
        return at;
    }

    /**
     * The review queue of a run (docs/CONTRACT.md §7.6).
     *
     * @param open distinct pairs of current persons still awaiting a reviewer
     * @param samePerson of those, the pairs whose records belong mostly to one true person
     * @param afterReview the clusters once a reviewer has confirmed exactly the same-person pairs
     */
    public record Queue(int open, int samePerson, Contingency afterReview) {

        public static final Queue NONE = new Queue(0, 0, null);
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
                ratio(absentMatched, absent),
                resolved.queue());
    }

    /**
     * The outcome of resolution, kept so several matching thresholds can be tried on it.
     *
     * @param clusterOf per record key, the recipient id the record ended under (after merges)
     */
    public record Resolved(
            InMemoryPersonStore store, int merges, Contingency table, Map<String, String> clusterOf, Queue queue) {

        public Resolved(InMemoryPersonStore store, int merges, Contingency table, Map<String, String> clusterOf) {
            this(store, merges, table, clusterOf, Queue.NONE);
        }
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
