package org.eldercare.search.register;

import java.time.LocalDate;
import java.util.List;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.LivingArrangement;

/**
 * What the labels of one registered person are derived from: no name and no identifier, only the facts the rules of
 * docs/CONTRACT.md §7.3 read.
 *
 * @param assessment the latest assessment by {@code assessedOn}, or null before the first
 */
public record PersonFacts(
        LocalDate birthDate, LivingArrangement livingArrangement, List<Benefit> benefits, Assessment assessment) {

    public PersonFacts {
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
    }

    /** These facts with {@code next} as the latest assessment, unless the one held is later. */
    public PersonFacts withAssessment(Assessment next) {
        if (assessment != null && assessment.assessedOn().isAfter(next.assessedOn())) {
            return this;
        }
        return new PersonFacts(birthDate, livingArrangement, benefits, next);
    }
}
