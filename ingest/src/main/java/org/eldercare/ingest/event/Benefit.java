package org.eldercare.ingest.event;

import java.time.LocalDate;

/**
 * A benefit status held from {@code from} to {@code to}, both days included; {@code to} is null while it holds.
 */
public record Benefit(BenefitType type, LocalDate from, LocalDate to) {

    /** Whether the status holds on {@code day}. */
    public boolean holdsOn(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }
}
