package org.eldercare.ingest.event;

/** A reviewer's decision on two recipients (docs/CONTRACT.md §7.6). */
public enum ReviewDecision {
    /** One person: merge them. */
    CONFIRM,
    /** Two people: never merge them automatically. */
    SPLIT
}
