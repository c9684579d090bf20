package org.eldercare.ingest.event;

/** How an incident ended (docs/CONTRACT.md §9.5). */
public enum IncidentOutcome {
    /** 已处置. */
    ASSISTED,
    /** 送医. */
    HOSPITALISED,
    /** 误报. */
    FALSE_ALARM,
    /** 无需处置. */
    NO_ACTION_NEEDED,
    /** 设备已修复. */
    DEVICE_FIXED
}
