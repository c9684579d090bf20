package org.eldercare.ingest.event;

/** The {@code data} of a care event; one record type per shape in docs/CONTRACT.md §1. */
public sealed interface EventData
        permits FacilityDetails,
                FacilityStatusChanged,
                BedsChanged,
                MealServed,
                CaregiverHired,
                CaregiverChange,
                ServiceDelivered,
                PopulationUpdated,
                PersonDetails,
                AssessmentRecorded,
                DeviceEvent,
                VisitCompleted,
                IncidentTransition,
                IdentityReviewed,
                IdentityReviewRequested,
                CallLogged,
                WorkOrderOpened,
                WorkOrderDispatched {

    /**
     * The Kafka record key: the facility id, the street code for population updates, {@code person/<personId>}
     * for the register, {@code device/<deviceId>} for a terminal, {@code incident/<incidentId>},
     * {@code workorder/<workOrderId>} or {@code call/<callId>} for the hotline, {@code review/<caseId>} for the
     * review queue. Keeps all
     * events of one facility in one partition, so their order survives.
     */
    String partitionKey();
}
