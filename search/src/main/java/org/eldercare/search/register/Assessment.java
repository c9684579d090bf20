package org.eldercare.search.register;

import java.time.LocalDate;

/** The latest capability assessment of a person (GB/T 42195-2022 level 0 to 4). */
public record Assessment(
        String assessmentId, int level, LocalDate assessedOn, String organisation, LocalDate reassessDueOn) {}
