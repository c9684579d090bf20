package org.eldercare.ingest.event;

import java.time.LocalDate;

/**
 * {@code assessment.recorded}: a capability assessment of a registered person after GB/T 42195-2022 (docs/CONTRACT.md
 * §7.2).
 *
 * @param level 0 能力完好, 1 轻度失能, 2 中度失能, 3 重度失能, 4 完全失能
 */
public record AssessmentRecorded(
        String assessmentId,
        String personId,
        int level,
        LocalDate assessedOn,
        String organisation,
        LocalDate reassessDueOn)
        implements EventData {

    @Override
    public String partitionKey() {
        return PersonDetails.partitionKeyOf(personId);
    }
}
