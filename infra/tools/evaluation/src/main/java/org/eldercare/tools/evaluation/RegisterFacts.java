package org.eldercare.tools.evaluation;

import java.util.Comparator;
import java.util.List;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.LivingArrangement;

/**
 * What the register holds about one true person in the end, as the generator decided it: the facts the ground-truth
 * labels are computed from, independently of the product's label code.
 *
 * @param assessments every assessment sent, in the order sent
 * @param registeredWithId false for the few entered with a birth date but no ID number (they cannot be joined)
 * @param updated the person was first registered with other facts and a {@code person.updated} brought these
 */
record RegisterFacts(
        String personId,
        LivingArrangement livingArrangement,
        List<Benefit> benefits,
        List<AssessmentRecorded> assessments,
        boolean registeredWithId,
        boolean updated) {

    RegisterFacts {
        benefits = List.copyOf(benefits);
        assessments = List.copyOf(assessments);
    }

    /** The assessment with the latest {@code assessedOn}, or null. */
    AssessmentRecorded latestAssessment() {
        return assessments.stream()
                .max(Comparator.comparing(AssessmentRecorded::assessedOn))
                .orElse(null);
    }
}
