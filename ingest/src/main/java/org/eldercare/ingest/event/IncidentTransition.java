package org.eldercare.ingest.event;

/**
 * The data of a hotline's step on an incident (docs/CONTRACT.md §9.5): acknowledge, dispatch, resolve. Keyed by
 * {@code incident/<incidentId>}, so one incident's steps stay in order.
 */
public sealed interface IncidentTransition extends EventData
        permits IncidentAcknowledged, IncidentDispatched, IncidentResolved {

    String incidentId();

    /** Free text of the desk, or null; never an ID number or phone (checked at intake). */
    String note();

    @Override
    default String partitionKey() {
        return "incident/" + incidentId();
    }
}
