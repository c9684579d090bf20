package org.eldercare.ingest.event;

/** Data of {@code population.updated}: a planner's newer population figures for one street. */
public record PopulationUpdated(String streetCode, long residents, long elderly60, int year) implements EventData {
    @Override
    public String partitionKey() {
        return streetCode;
    }
}
