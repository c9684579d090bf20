package org.eldercare.tools.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eldercare.ingest.event.CareEvent;

/**
 * A generated register and its service records: the true persons (registered ones first, then people served but not
 * registered), the register facts per truth id, the register events in time order, and the noisy service records.
 */
record RegisterSet(
        LocalDate evaluationDate,
        List<TruePerson> persons,
        Map<String, RegisterFacts> facts,
        List<CareEvent> events,
        List<LabelledRecord> records) {

    /** The records as an evaluation set for {@link Evaluation#resolve}. */
    EvaluationSet asEvaluationSet() {
        return new EvaluationSet(persons, records, List.of());
    }
}
