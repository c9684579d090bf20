package org.eldercare.ingest.event;

/** {@code incident.resolved}: the incident is closed with its outcome (docs/CONTRACT.md §9.5). */
public record IncidentResolved(String incidentId, IncidentOutcome outcome, String note) implements IncidentTransition {}
