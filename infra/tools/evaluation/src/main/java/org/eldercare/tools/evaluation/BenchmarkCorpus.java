package org.eldercare.tools.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.match.MatchRequest;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.Person;

/**
 * Recipient documents and noisy match queries for the match benchmark, from the evaluation generator in chunks (a
 * million persons at once would not fit a benchmark heap). Each person's noisy records are folded into one {@link
 * Person} by the truth label, as a perfect resolver would, and indexed under {@code <chunk>-<truthId>}.
 */
public final class BenchmarkCorpus {

    /** One chunk: documents to index, queries with the recipient id each should find (null: nobody). */
    public record Chunk(List<RecipientDocument> documents, List<MatchRequest> queries, List<String> expected) {}

    private final Regions regions;
    private final RecipientNormalizer normalizer;

    public BenchmarkCorpus(Regions regions, RecipientNormalizer normalizer) {
        this.regions = regions;
        this.normalizer = normalizer;
    }

    /** Chunk {@code index} of {@code persons} persons, with at most {@code queries} of its queries picked at random. */
    public Chunk chunk(long seed, int index, int persons, int queries) {
        EvaluationSet set = new EvaluationSetGenerator(seed * 1_000_003L + index, regions).generate(persons);
        String prefix = "c" + index + "-";
        Map<String, Person> byTruth = new LinkedHashMap<>();
        for (LabelledRecord r : set.records()) {
            var normalized = normalizer.normalize(r.recipient());
            Person held = byTruth.get(r.truthId());
            byTruth.put(
                    r.truthId(),
                    held == null
                            ? Person.first(prefix + r.truthId(), r.at(), normalized)
                            : held.withRecord(normalized, r.at()));
        }
        List<RecipientDocument> documents = new ArrayList<>(byTruth.size());
        byTruth.values().forEach(p -> documents.add(RecipientDocument.of(p)));
        List<LabelledQuery> picked = new ArrayList<>(set.queries());
        Collections.shuffle(picked, new Random(seed + index));
        picked = picked.subList(0, Math.min(queries, picked.size()));
        List<MatchRequest> requests =
                picked.stream().map(LabelledQuery::request).toList();
        List<String> expected = new ArrayList<>();
        picked.forEach(q -> expected.add(q.truthId() == null ? null : prefix + q.truthId()));
        return new Chunk(documents, requests, expected);
    }
}
