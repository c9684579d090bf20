package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.facilityRegistered;
import static org.eldercare.ingest.fixtures.Events.facilityUpdated;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.fixtures.TestStreets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FacilityDataTest {

    private static FacilityDetails details(org.eldercare.ingest.fixtures.EventJson event) {
        return valid(event).dataAs(FacilityDetails.class);
    }

    @Test
    void readsEveryFieldOfARegistration() {
        assertThat(details(facilityRegistered("f-1")))
                .isEqualTo(new FacilityDetails(
                        "f-1",
                        FacilityKind.CARE_STATION,
                        "大峪街道社区养老服务驿站",
                        TestStreets.DISTRICT,
                        TestStreets.STREET,
                        new GeoPoint(39.936, 116.104),
                        20,
                        30,
                        FacilityStatus.OPERATING));
    }

    @Test
    void defaultsMealSeatsToZeroAndStatusToOperating() {
        var details = details(facilityRegistered("f-1").remove("data.mealSeats").set("data.status", null));

        assertThat(details.mealSeats()).isZero();
        assertThat(details.status()).isEqualTo(FacilityStatus.OPERATING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"f", "F_1-a", "0123456789012345678901234567890123456789012345678901234567890123"})
    void acceptsFacilityIdsOfLettersDigitsUnderscoresAndDashes(String facilityId) {
        assertThat(details(facilityRegistered(facilityId)).facilityId()).isEqualTo(facilityId);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "f 1", "f.1", "驿站1", "01234567890123456789012345678901234567890123456789012345678901234"})
    void rejectsOtherFacilityIds(String facilityId) {
        assertThat(errorsOf(facilityRegistered(facilityId)))
                .containsExactly("data.facilityId: must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -");
    }

    @Test
    void rejectsAnUnknownKind() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.kind", "HOSPITAL")))
                .containsExactly("data.kind: must be one of CARE_CENTER, CARE_STATION, INSTITUTION, MEAL_TABLE");
    }

    @Test
    void acceptsNamesWithCharactersBeyondTheBasicPlane() {
        assertThat(details(facilityRegistered("f-1").set("data.name", "𠀀𠀁养老驿站"))
                        .name())
                .isEqualTo("𠀀𠀁养老驿站");
        assertThat(details(facilityRegistered("f-1").set("data.name", "𠀀".repeat(200)))
                        .name())
                .hasSize(400);
    }

    @Test
    void rejectsMissingBlankOrOverlongNames() {
        assertThat(errorsOf(facilityRegistered("f-1").remove("data.name"))).containsExactly("data.name: is required");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.name", "  ")))
                .containsExactly("data.name: must not be blank");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.name", "驿".repeat(201))))
                .containsExactly("data.name: must be 1 to 200 characters");
    }

    @Test
    void acceptsBedsFromZeroTo5000() {
        assertThat(details(facilityRegistered("f-1").set("data.beds", 0)).beds())
                .isZero();
        assertThat(details(facilityRegistered("f-1").set("data.beds", 5000)).beds())
                .isEqualTo(5000);
        assertThat(details(facilityRegistered("f-1").set("data.beds", 20.0)).beds())
                .isEqualTo(20);
    }

    @Test
    void readsNursingBedsUpToTheFacilitysBeds() {
        assertThat(details(facilityRegistered("f-1").set("data.nursingBeds", 12))
                        .nursingBeds())
                .isEqualTo(12);
        assertThat(details(facilityRegistered("f-1").set("data.nursingBeds", 20))
                        .nursingBeds())
                .as("every bed of the 20 a nursing bed")
                .isEqualTo(20);
        assertThat(details(facilityUpdated("f-1").set("data.nursingBeds", 0)).nursingBeds())
                .isZero();
    }

    @Test
    void defaultsNursingBedsToZero() {
        assertThat(details(facilityRegistered("f-1")).nursingBeds()).isZero();
        assertThat(details(facilityRegistered("f-1").set("data.nursingBeds", null))
                        .nursingBeds())
                .isZero();
    }

    @Test
    void rejectsMoreNursingBedsThanBeds() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.nursingBeds", 21)))
                .containsExactly("data.nursingBeds: must be at most beds (20)");
        assertThat(errorsOf(facilityUpdated("f-1").set("data.beds", 0).set("data.nursingBeds", 1)))
                .containsExactly("data.nursingBeds: must be at most beds (0)");
    }

    @Test
    void rejectsNursingBedsThatAreNotAnIntegerInRange() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.nursingBeds", -1)))
                .containsExactly("data.nursingBeds: must be between 0 and 5000");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.nursingBeds", 5001)))
                .containsExactly("data.nursingBeds: must be between 0 and 5000");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.nursingBeds", 2.5)))
                .containsExactly("data.nursingBeds: must be an integer");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.nursingBeds", "12")))
                .containsExactly("data.nursingBeds: must be an integer");
    }

    @Test
    void anInvalidBedsCountIsNotBlamedOnNursingBeds() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.beds", -1).set("data.nursingBeds", 5)))
                .containsExactly("data.beds: must be between 0 and 5000");
    }

    @Test
    void rejectsBedsAboveFiveThousandOrBelowZero() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.beds", 5001)))
                .containsExactly("data.beds: must be between 0 and 5000");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.beds", -1)))
                .containsExactly("data.beds: must be between 0 and 5000");
        assertThat(errorsOf(
                        facilityRegistered("f-1").set("data.beds", new java.math.BigInteger("99999999999999999999"))))
                .containsExactly("data.beds: must be between 0 and 5000");
    }

    @Test
    void rejectsBedsThatAreNoWholeNumber() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.beds", 2.5)))
                .containsExactly("data.beds: must be an integer");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.beds", "20")))
                .containsExactly("data.beds: must be an integer");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.beds", true)))
                .containsExactly("data.beds: must be an integer");
        assertThat(errorsOf(facilityRegistered("f-1").remove("data.beds"))).containsExactly("data.beds: is required");
    }

    @Test
    void rejectsMealSeatsAbove2000() {
        details(facilityRegistered("f-1").set("data.mealSeats", 2000));
        assertThat(errorsOf(facilityRegistered("f-1").set("data.mealSeats", 2001)))
                .containsExactly("data.mealSeats: must be between 0 and 2000");
    }

    @Test
    void rejectsAnUnknownStatus() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.status", "operating")))
                .containsExactly("data.status: must be one of OPERATING, SUSPENDED, CLOSED");
    }

    @Test
    void acceptsAStreetOfTheOtherDistrictWhenTheDistrictMatches() {
        var details = details(facilityRegistered("f-1")
                .set("data.districtCode", TestStreets.OTHER_DISTRICT)
                .set("data.streetCode", TestStreets.OTHER_STREET));

        assertThat(details.streetCode()).isEqualTo(TestStreets.OTHER_STREET);
    }

    @Test
    void rejectsDistrictCodesThatAreNotSixDigitsOrUnknown() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.districtCode", "11010")))
                .containsExactly("data.districtCode: must be 6 digits");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.districtCode", 110109)))
                .containsExactly("data.districtCode: must be a string");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.districtCode", "110199")))
                .containsExactly("data.districtCode: must be a known district code");
    }

    @Test
    void rejectsStreetCodesThatAreNotNineDigitsOrUnknown() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.streetCode", "11010900A")))
                .containsExactly("data.streetCode: must be 9 digits");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.streetCode", "110109999")))
                .containsExactly("data.streetCode: must be a known street code");
    }

    @Test
    void rejectsAStreetOutsideTheDistrict() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.streetCode", TestStreets.OTHER_STREET)))
                .containsExactly("data.streetCode: must lie in district 110109");
    }

    @Test
    void acceptsLocationsOnTheEdgeOfBeijing() {
        var details =
                details(facilityRegistered("f-1").set("data.location.lat", 39.4).set("data.location.lon", 117.6));

        assertThat(details.location()).isEqualTo(new GeoPoint(39.4, 117.6));
    }

    @Test
    void rejectsLocationsOutsideBeijing() {
        assertThat(errorsOf(facilityRegistered("f-1")
                        .set("data.location.lat", 31.23)
                        .set("data.location.lon", 121.47)))
                .containsExactly(
                        "data.location.lat: must be between 39.4 and 41.1",
                        "data.location.lon: must be between 115.4 and 117.6");
    }

    @Test
    void rejectsLocationsOfTheWrongShape() {
        assertThat(errorsOf(facilityRegistered("f-1").set("data.location", JsonNodeFactory.instance.arrayNode())))
                .containsExactly("data.location: must be an object");
        assertThat(errorsOf(facilityRegistered("f-1").set("data.location.lat", "39.9")))
                .containsExactly("data.location.lat: must be a number");
        assertThat(errorsOf(facilityRegistered("f-1").remove("data.location.lon")))
                .containsExactly("data.location.lon: is required");
        assertThat(errorsOf(facilityRegistered("f-1").remove("data.location")))
                .containsExactly("data.location: is required");
    }

    @Test
    void ignoresUnknownDataFields() {
        valid(facilityRegistered("f-1")
                .set("data.website", "https://example.org")
                .set("data.floors", 3));
    }

    @Test
    void appliesTheSameRulesToUpdates() {
        assertThat(details(facilityUpdated("f-1")).facilityId()).isEqualTo("f-1");
        assertThat(errorsOf(facilityUpdated("f-1").set("data.beds", 5001)))
                .containsExactly("data.beds: must be between 0 and 5000");
    }
}
