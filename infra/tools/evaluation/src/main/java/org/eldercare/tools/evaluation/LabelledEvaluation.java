package org.eldercare.tools.evaluation;

import java.time.Instant;
import java.util.List;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.match.MatchRequest;

/**
 * The evaluation generator's noisy records and queries with their truth labels, for the integration tests that score
 * the streaming job's resolution.
 * It sits beside the generator because {@link EvaluationSet} and its parts are package-private.
 */
public final class LabelledEvaluation {

    /** A noisy service record; {@code recordKey} is {@code operatorId:recordId}. */
    public record Record(String recordKey, Instant at, Recipient recipient, String truthId) {}

    /** A noisy hotline query; {@code truthId} is null when the person has no records. */
    public record Query(MatchRequest request, String truthId) {}

    private final List<Record> records;
    private final List<Query> queries;

    private LabelledEvaluation(EvaluationSet set) {
        this.records = set.records().stream()
                .map(r -> new Record(r.recordKey(), r.at(), r.recipient(), r.truthId()))
                .toList();
        this.queries = set.queries().stream()
                .map(q -> new Query(q.request(), q.truthId()))
                .toList();
    }

    /** The set of {@code persons} persons made from {@code seed}; records in time order. */
    public static LabelledEvaluation generate(long seed, int persons) {
        return new LabelledEvaluation(new EvaluationSetGenerator(seed, Regions.load()).generate(persons));
    }

    public List<Record> records() {
        return records;
    }

    public List<Query> queries() {
        return queries;
    }
}
