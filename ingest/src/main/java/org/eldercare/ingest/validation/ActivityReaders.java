package org.eldercare.ingest.validation;

import java.time.Instant;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CaregiverChange;
import org.eldercare.ingest.event.CaregiverHired;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.MealServed;
import org.eldercare.ingest.event.MealType;

/** The counting events of a facility: beds, meals and caregivers. */
final class ActivityReaders {

    static final Choice<MealType> MEAL_TYPES = Choice.of(MealType.class);

    private ActivityReaders() {}

    static EventData beds(Fields data, Instant now) {
        String facilityId = data.code("facilityId", true);
        int count = data.optionalInt("count", 1, Limits.BED_COUNT_MAX, 1);
        return data.clean() ? new BedsChanged(facilityId, count) : null;
    }

    static EventData meal(Fields data, Instant now) {
        String facilityId = data.code("facilityId", true);
        int meals = data.optionalInt("meals", 1, Limits.MEALS_MAX, 1);
        MealType mealType = data.choice("mealType", MEAL_TYPES, null);
        String recipientId = data.text("recipientId", Limits.REFERENCE_MAX, false);
        return data.clean() ? new MealServed(facilityId, meals, mealType, recipientId) : null;
    }

    static EventData caregiverHired(Fields data, Instant now) {
        String caregiverId = data.text("caregiverId", Limits.REFERENCE_MAX, true);
        String facilityId = data.code("facilityId", true);
        boolean certified = data.bool("certified");
        return data.clean() ? new CaregiverHired(caregiverId, facilityId, certified) : null;
    }

    static EventData caregiverChange(Fields data, Instant now) {
        String caregiverId = data.text("caregiverId", Limits.REFERENCE_MAX, true);
        String facilityId = data.code("facilityId", true);
        return data.clean() ? new CaregiverChange(caregiverId, facilityId) : null;
    }
}
