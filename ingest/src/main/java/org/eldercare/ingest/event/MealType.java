package org.eldercare.ingest.event;

public enum MealType {
    BREAKFAST,
    LUNCH,
    DINNER
}
