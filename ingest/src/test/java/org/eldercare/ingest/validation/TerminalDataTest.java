package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.INCIDENT_ID;
import static org.eldercare.ingest.fixtures.Events.deviceBound;
import static org.eldercare.ingest.fixtures.Events.heartbeat;
import static org.eldercare.ingest.fixtures.Events.incidentAcknowledged;
import static org.eldercare.ingest.fixtures.Events.incidentDispatched;
import static org.eldercare.ingest.fixtures.Events.incidentResolved;
import static org.eldercare.ingest.fixtures.Events.meterReading;
import static org.eldercare.ingest.fixtures.Events.sos;
import static org.eldercare.ingest.fixtures.Events.visitCompleted;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import org.eldercare.ingest.codec.Rfc3339;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DispatchKind;
import org.eldercare.ingest.event.DispatchTarget;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.IncidentDispatched;
import org.eldercare.ingest.event.MeterReading;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.ingest.event.VisitConfirmation;
import org.eldercare.ingest.fixtures.Events;
import org.eldercare.ingest.fixtures.TestStreets;
import org.junit.jupiter.api.Test;

/** The terminals, visits and hotline steps of docs/CONTRACT.md §9.2, §9.3 and §9.5. */
class TerminalDataTest {

    @Test
    void readsABindingToARegisteredPersonKeyedByTheDevice() {
        var event = valid(deviceBound("dev-1", "SOS_BUTTON", "p-1"));

        assertThat(event.dataAs(DeviceBound.class))
                .isEqualTo(new DeviceBound(
                        "dev-1", DeviceKind.SOS_BUTTON, "p-1", TestStreets.DISTRICT, TestStreets.STREET, 300));
        assertThat(event.partitionKey()).isEqualTo("device/dev-1");
        assertThat(event.type().device()).isTrue();
    }

    @Test
    void refusesAnUnknownKindAHeartbeatOutOfRangeAndAStreetOutsideTheDistrict() {
        assertThat(errorsOf(deviceBound("dev-1", "PANIC_PENDANT", "p-1")
                        .set("data.heartbeatSeconds", 30)
                        .set("data.streetCode", TestStreets.OTHER_STREET)))
                .containsExactlyInAnyOrder(
                        "data.kind: must be one of SOS_BUTTON, SMART_WATCH, WATER_METER, DOOR_SENSOR",
                        "data.heartbeatSeconds: must be between 60 and 86400",
                        "data.streetCode: must lie in district " + TestStreets.DISTRICT);
    }

    @Test
    void aBindingNamesThePersonByTheRegisterNumberOnly() {
        assertThat(errorsOf(deviceBound("dev-1", "SOS_BUTTON", "p-1").remove("data.personId")))
                .containsExactly("data.personId: is required");
        assertThat(errorsOf(deviceBound("dev-1", "SOS_BUTTON", "110109194503021230 王秀英")))
                .containsExactly("data.personId: must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -");
    }

    @Test
    void readsAnSosWithItsPositionAndAFixedButtonsWithout() {
        assertThat(valid(sos("dev-1")).dataAs(DeviceSos.class))
                .isEqualTo(new DeviceSos("dev-1", new GeoPoint(39.94, 116.10), 15));
        assertThat(valid(sos("dev-1").remove("data.location").remove("data.accuracyMeters"))
                        .dataAs(DeviceSos.class))
                .isEqualTo(new DeviceSos("dev-1", null, null));
    }

    @Test
    void refusesAnAccuracyWithoutAPositionAndAPositionOutsideBeijing() {
        assertThat(errorsOf(sos("dev-1").remove("data.location")))
                .containsExactly("data.accuracyMeters: is only allowed with location");
        assertThat(errorsOf(sos("dev-1").set("data.location.lat", 31.2)))
                .containsExactly("data.location.lat: must be between 39.4 and 41.1");
        assertThat(errorsOf(sos("dev-1").set("data.accuracyMeters", 0)))
                .containsExactly("data.accuracyMeters: must be between 1 and 10000");
    }

    @Test
    void refusesABatteryOver100() {
        assertThat(errorsOf(heartbeat("dev-1").set("data.batteryPercent", 101)))
                .containsExactly("data.batteryPercent: must be between 0 and 100");
        assertThat(valid(heartbeat("dev-1").remove("data.batteryPercent")).type())
                .isEqualTo(EventType.DEVICE_HEARTBEAT);
    }

    @Test
    void readsACumulativeRegisterOfLitresWithAtMostThreeDecimals() {
        assertThat(valid(meterReading("wm-1", 81234.125))
                        .dataAs(MeterReading.class)
                        .litres())
                .isEqualTo(81234.125);
        assertThat(errorsOf(meterReading("wm-1", 1.0005))).containsExactly("data.litres: must have at most 3 decimals");
        assertThat(errorsOf(meterReading("wm-1", -1))).containsExactly("data.litres: must be between 0 and 1000000000");
        assertThat(errorsOf(meterReading("wm-1", 0).set("data.litres", "12")))
                .containsExactly("data.litres: must be a number");
        assertThat(errorsOf(meterReading("wm-1", 0).remove("data.litres"))).containsExactly("data.litres: is required");
    }

    @Test
    void readsAVisitWhoWhomWhenWhereAndHowKeyedByTheFacility() {
        var event = valid(visitCompleted("v-1", "p-1"));
        VisitCompleted visit = event.dataAs(VisitCompleted.class);

        assertThat(visit.caregiverId()).isEqualTo("cg-1");
        assertThat(visit.personId()).isEqualTo("p-1");
        assertThat(visit.visitedAt()).isEqualTo(Events.NOW.minusMinutes(50));
        assertThat(visit.location()).isEqualTo(new GeoPoint(39.94, 116.10));
        assertThat(visit.confirmation()).isEqualTo(VisitConfirmation.PHONE_LOCATION);
        assertThat(event.partitionKey()).isEqualTo("f-1");
    }

    @Test
    void aPhoneCheckInNeedsItsLocationAndACardSwipeDoesNot() {
        assertThat(errorsOf(visitCompleted("v-1", "p-1").remove("data.location")))
                .containsExactly("data.location: is required when confirmation is PHONE_LOCATION");
        assertThat(valid(visitCompleted("v-1", "p-1").remove("data.location").set("data.confirmation", "CARD_SWIPE"))
                        .dataAs(VisitCompleted.class)
                        .location())
                .isNull();
    }

    @Test
    void refusesAVisitThatBeginsAfterItWasReported() {
        assertThat(errorsOf(
                        visitCompleted("v-1", "p-1").set("data.visitedAt", Rfc3339.format(Events.NOW.plusMinutes(2)))))
                .containsExactly("data.visitedAt: must not be after time");
        assertThat(errorsOf(visitCompleted("v-1", "p-1").set("data.durationMinutes", 481)))
                .containsExactly("data.durationMinutes: must be between 1 and 480");
        assertThat(errorsOf(visitCompleted("v-1", "p-1").set("data.confirmation", "PHOTO")))
                .containsExactly("data.confirmation: must be one of CARD_SWIPE, PHONE_LOCATION, SIGNATURE, FACE");
    }

    @Test
    void readsTheHotlinesStepsKeyedByTheIncident() {
        var dispatched = valid(incidentDispatched(INCIDENT_ID));

        assertThat(dispatched.dataAs(IncidentDispatched.class))
                .isEqualTo(new IncidentDispatched(
                        INCIDENT_ID, new DispatchTarget(DispatchKind.FACILITY, "f-1"), "wo-7", null));
        assertThat(dispatched.partitionKey()).isEqualTo("incident/" + INCIDENT_ID);
        assertThat(valid(incidentAcknowledged(INCIDENT_ID)).type().incident()).isTrue();
        assertThat(valid(incidentResolved(INCIDENT_ID)).type()).isEqualTo(EventType.INCIDENT_RESOLVED);
    }

    @Test
    void refusesAnIncidentIdOfAnotherForm() {
        assertThat(errorsOf(incidentAcknowledged("inc-0123456789ABCDEF01234567")))
                .containsExactly(
                        "data.incidentId: must be inc- followed by 24 lower-case hex digits (docs/CONTRACT.md §9.4)");
    }

    @Test
    void aFacilityIsNamedExactlyWhenTheHotlineDispatchesToOne() {
        assertThat(errorsOf(incidentDispatched(INCIDENT_ID).remove("data.dispatchedTo.facilityId")))
                .containsExactly("data.dispatchedTo.facilityId: is required when kind is FACILITY");
        assertThat(errorsOf(incidentDispatched(INCIDENT_ID).set("data.dispatchedTo.kind", "EMERGENCY_120")))
                .containsExactly("data.dispatchedTo.facilityId: is only allowed when kind is FACILITY");
        assertThat(errorsOf(incidentResolved(INCIDENT_ID).set("data.outcome", "DONE")))
                .containsExactly("data.outcome: must be one of ASSISTED, HOSPITALISED, FALSE_ALARM, NO_ACTION_NEEDED,"
                        + " DEVICE_FIXED");
    }

    @Test
    void aNoteMustNotHoldAnIdNumberOrAPhone() {
        String rule = "data.note: must not hold an ID number or phone number (docs/CONTRACT.md §6.2)";
        assertThat(errorsOf(incidentAcknowledged(INCIDENT_ID).set("data.note", "身份证110109194503021230")))
                .containsExactly(rule);
        assertThat(errorsOf(incidentAcknowledged(INCIDENT_ID).set("data.note", "女儿电话13812345678已通知")))
                .containsExactly(rule);
        assertThat(errorsOf(incidentAcknowledged(INCIDENT_ID).set("data.note", "3号楼2单元，10分钟后到")))
                .isEmpty();
    }

    @Test
    void eachSenderSendsItsOwnTypesOnly() {
        assertThat(errorsOf(incidentAcknowledged(INCIDENT_ID).set("source", Events.OPERATOR_SOURCE)))
                .containsExactly("source: incident.acknowledged must come from /hotline/<desk>");
        assertThat(errorsOf(sos("dev-1").set("source", Events.HOTLINE_SOURCE)))
                .containsExactly("source: device.sos must come from /operators/<operatorId>");
        assertThat(errorsOf(incidentAcknowledged(INCIDENT_ID).set("source", "/hotline/")))
                .hasSize(1)
                .allSatisfy(e -> assertThat(e).startsWith("source: must be /operators/<operatorId>, "));
    }
}
