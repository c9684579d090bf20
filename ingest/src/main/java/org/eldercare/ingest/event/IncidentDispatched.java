package org.eldercare.ingest.event;

/**
 * {@code incident.dispatched}: help is on its way (docs/CONTRACT.md §9.5).
 *
 * @param workOrderId the hotline's work order, or null
 */
public record IncidentDispatched(String incidentId, DispatchTarget dispatchedTo, String workOrderId, String note)
        implements IncidentTransition {}
