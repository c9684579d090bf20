package org.eldercare.ingest.event;

/** Whom the hotline sent (docs/CONTRACT.md §9.5). */
public enum DispatchKind {
    FACILITY,
    STREET_OFFICE,
    COMMUNITY,
    EMERGENCY_120,
    FAMILY
}
