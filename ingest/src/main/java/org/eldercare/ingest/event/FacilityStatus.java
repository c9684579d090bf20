package org.eldercare.ingest.event;

/** Only {@link #OPERATING} facilities count toward capacity indicators. */
public enum FacilityStatus {
    OPERATING,
    SUSPENDED,
    CLOSED
}
