package org.eldercare.ingest.event;

/** Data of {@code meal.served}; {@code recipientId} may be null. */
public record MealServed(String facilityId, int meals, MealType mealType, String recipientId) implements EventData {
    @Override
    public String partitionKey() {
        return facilityId;
    }
}
