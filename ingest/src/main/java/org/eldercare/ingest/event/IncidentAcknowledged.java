package org.eldercare.ingest.event;

/** {@code incident.acknowledged}: the hotline has taken the incident (docs/CONTRACT.md §9.5). */
public record IncidentAcknowledged(String incidentId, String note) implements IncidentTransition {}
