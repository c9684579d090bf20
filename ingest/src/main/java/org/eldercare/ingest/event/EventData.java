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
                PopulationUpdated {

    /**
     * The Kafka record key: the facility id, or the street code for population updates. Keeps all
     * events of one facility in one partition, so their order survives.
     */
    String partitionKey();
}
