package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.fixtures.Events.bedReleased;
import static org.eldercare.ingest.fixtures.Events.caregiverHired;
import static org.eldercare.ingest.fixtures.Events.caregiverLeft;
import static org.eldercare.ingest.fixtures.Events.facilityStatusChanged;
import static org.eldercare.ingest.fixtures.Events.mealServed;
import static org.eldercare.ingest.fixtures.Events.shiftEnded;
import static org.eldercare.ingest.fixtures.Events.shiftStarted;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CaregiverChange;
import org.eldercare.ingest.event.CaregiverHired;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.FacilityStatusChanged;
import org.eldercare.ingest.event.MealServed;
import org.eldercare.ingest.event.MealType;
import org.junit.jupiter.api.Test;

class ActivityDataTest {

    @Test
    void readsAStatusChange() {
        assertThat(valid(facilityStatusChanged("f-1", "CLOSED")).data())
                .isEqualTo(new FacilityStatusChanged("f-1", FacilityStatus.CLOSED));
    }

    @Test
    void rejectsAStatusChangeWithoutAKnownStatus() {
        assertThat(errorsOf(facilityStatusChanged("f-1", "GONE")))
                .containsExactly("data.status: must be one of OPERATING, SUSPENDED, CLOSED");
        assertThat(errorsOf(facilityStatusChanged("f-1", "CLOSED").remove("data.status")))
                .containsExactly("data.status: is required");
    }

    @Test
    void countsOneBedWhenNoCountIsGiven() {
        assertThat(valid(bedOccupied("f-1", 3).remove("data.count")).data()).isEqualTo(new BedsChanged("f-1", 1));
    }

    @Test
    void acceptsBedCountsFromOneTo500() {
        assertThat(valid(bedOccupied("f-1", 500)).dataAs(BedsChanged.class).count())
                .isEqualTo(500);
        assertThat(valid(bedReleased("f-1", 1)).dataAs(BedsChanged.class).count())
                .isEqualTo(1);
    }

    @Test
    void rejectsBedCountsOutsideOneTo500() {
        assertThat(errorsOf(bedOccupied("f-1", 0))).containsExactly("data.count: must be between 1 and 500");
        assertThat(errorsOf(bedReleased("f-1", 501))).containsExactly("data.count: must be between 1 and 500");
        assertThat(errorsOf(bedReleased("f-1", 1).set("data.count", 1.5)))
                .containsExactly("data.count: must be an integer");
    }

    @Test
    void rejectsBedEventsWithoutAFacility() {
        assertThat(errorsOf(bedOccupied("f-1", 1).remove("data.facilityId")))
                .containsExactly("data.facilityId: is required");
        assertThat(errorsOf(bedOccupied("f-1", 1).set("data.facilityId", 7)))
                .containsExactly("data.facilityId: must be a string");
    }

    @Test
    void readsAMealWithItsDefaults() {
        var meal = valid(mealServed("f-1", 5, "LUNCH").remove("data.meals")).dataAs(MealServed.class);

        assertThat(meal).isEqualTo(new MealServed("f-1", 1, MealType.LUNCH, null));
    }

    @Test
    void keepsTheRecipientIdOfAMeal() {
        assertThat(valid(mealServed("f-1", 2000, "DINNER").set("data.recipientId", "p-9"))
                        .dataAs(MealServed.class))
                .isEqualTo(new MealServed("f-1", 2000, MealType.DINNER, "p-9"));
    }

    @Test
    void rejectsMealsOutsideOneTo2000OrOfAnUnknownMealType() {
        assertThat(errorsOf(mealServed("f-1", 2001, "SUPPER")))
                .containsExactly(
                        "data.meals: must be between 1 and 2000",
                        "data.mealType: must be one of BREAKFAST, LUNCH, DINNER");
        assertThat(errorsOf(mealServed("f-1", 1, "LUNCH").remove("data.mealType")))
                .containsExactly("data.mealType: is required");
    }

    @Test
    void readsAHiring() {
        assertThat(valid(caregiverHired("cg-1", "f-1", false)).data())
                .isEqualTo(new CaregiverHired("cg-1", "f-1", false));
    }

    @Test
    void rejectsAHiringWithoutABooleanCertified() {
        assertThat(errorsOf(caregiverHired("cg-1", "f-1", true).set("data.certified", "true")))
                .containsExactly("data.certified: must be true or false");
        assertThat(errorsOf(caregiverHired("cg-1", "f-1", true).remove("data.certified")))
                .containsExactly("data.certified: is required");
    }

    @Test
    void readsLeavingAndShifts() {
        var expected = new CaregiverChange("cg-1", "f-1");
        assertThat(valid(caregiverLeft("cg-1", "f-1")).data()).isEqualTo(expected);
        assertThat(valid(shiftStarted("cg-1", "f-1")).data()).isEqualTo(expected);
        assertThat(valid(shiftEnded("cg-1", "f-1")).data()).isEqualTo(expected);
    }

    @Test
    void rejectsCaregiverEventsWithoutCaregiverOrFacility() {
        assertThat(errorsOf(
                        shiftStarted("cg-1", "f-1").remove("data.caregiverId").remove("data.facilityId")))
                .containsExactly("data.caregiverId: is required", "data.facilityId: is required");
        assertThat(errorsOf(caregiverLeft("", "f-1"))).containsExactly("data.caregiverId: must be 1 to 128 characters");
    }
}
