package org.eldercare.ingest.event;

public enum ServiceType {
    MEAL,
    BATHING,
    CLEANING,
    HEALTH_CHECK,
    REHAB,
    COMPANIONSHIP,
    EMERGENCY,
    DAY_CARE,
    OTHER
}
