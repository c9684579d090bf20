package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.bedOccupied;
import static org.eldercare.ingest.fixtures.Events.callLogged;
import static org.eldercare.ingest.fixtures.Events.serviceDelivered;
import static org.eldercare.ingest.fixtures.Events.workOrderDispatched;
import static org.eldercare.ingest.fixtures.Events.workOrderOpened;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import org.eldercare.ingest.event.CallLogged;
import org.eldercare.ingest.event.CallReason;
import org.eldercare.ingest.event.RequestType;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.ingest.event.WorkOrderOpened;
import org.eldercare.ingest.fixtures.Events;
import org.eldercare.ingest.fixtures.TestStreets;
import org.junit.jupiter.api.Test;

/** The hotline's call log and work orders, docs/CONTRACT.md §10.2. */
class HotlineDataTest {

    @Test
    void readsACallNamingTheCallerByRecipientIdOnly() {
        CallLogged call = valid(callLogged("call-1")).dataAs(CallLogged.class);

        assertThat(call.callId()).isEqualTo("call-1");
        assertThat(call.reason()).isEqualTo(CallReason.REQUEST);
        assertThat(call.durationSeconds()).isEqualTo(240);
        assertThat(call.recipientId()).isEqualTo("rcp-7f3a");
        assertThat(valid(callLogged("call-1")).partitionKey()).isEqualTo("call/call-1");
    }

    @Test
    void refusesACallFromTheFutureOrAnUnknownStreetOrReason() {
        assertThat(errorsOf(callLogged("call-1").set("data.receivedAt", "2026-11-23T11:00:00+08:00")))
                .containsExactly("data.receivedAt: must not be in the future");
        assertThat(errorsOf(callLogged("call-1").set("data.streetCode", "110109999")))
                .containsExactly("data.streetCode: must be a known street code");
        assertThat(errorsOf(callLogged("call-1").set("data.reason", "CHAT")))
                .singleElement()
                .asString()
                .startsWith("data.reason: must be one of REQUEST, INQUIRY");
        assertThat(errorsOf(callLogged("call-1").set("data.durationSeconds", 14_401)))
                .containsExactly("data.durationSeconds: must be between 0 and 14400");
    }

    @Test
    void readsAnOrderWithWhereTheServiceIsNeededKeyedByTheOrder() {
        WorkOrderOpened order = valid(workOrderOpened("wo-1")).dataAs(WorkOrderOpened.class);

        assertThat(order.requestType()).isEqualTo(RequestType.BATHING);
        assertThat(order.streetCode()).isEqualTo(TestStreets.STREET);
        assertThat(order.location().lat()).isEqualTo(39.937);
        assertThat(valid(workOrderOpened("wo-1")).partitionKey()).isEqualTo("workorder/wo-1");
        assertThat(valid(workOrderDispatched("wo-1", "f-1")).partitionKey()).isEqualTo("workorder/wo-1");
    }

    @Test
    void refusesAnOrderOutsideBeijingOrInAnotherDistrictsStreet() {
        assertThat(errorsOf(workOrderOpened("wo-1").set("data.location.lat", 31.2)))
                .containsExactly("data.location.lat: must be between 39.4 and 41.1");
        assertThat(errorsOf(workOrderOpened("wo-1").set("data.streetCode", TestStreets.OTHER_STREET)))
                .singleElement()
                .asString()
                .startsWith("data.streetCode: must lie in district");
        assertThat(errorsOf(workOrderOpened("wo-1").set("data.requestType", "HAIRCUT")))
                .singleElement()
                .asString()
                .startsWith("data.requestType: must be one of MEAL, BATHING, CLEANING, MEDICAL_ESCORT");
    }

    @Test
    void readsADispatchWithTheFinderDistance() {
        WorkOrderDispatched dispatch = valid(workOrderDispatched("wo-1", "f-1")).dataAs(WorkOrderDispatched.class);

        assertThat(dispatch.facilityId()).isEqualTo("f-1");
        assertThat(dispatch.distanceKm()).isEqualTo(0.42);
        assertThat(errorsOf(workOrderDispatched("wo-1", "f-1").set("data.distanceKm", -1)))
                .containsExactly("data.distanceKm: must be between 0.0 and 200.0");
    }

    @Test
    void takesHotlineEventsFromAHotlineDeskOnlyAndNothingElseFromIt() {
        assertThat(errorsOf(workOrderOpened("wo-1").source(Events.OPERATOR_SOURCE)))
                .containsExactly("source: workorder.opened must come from /hotline/<desk>");
        assertThat(errorsOf(bedOccupied("f-1", 1).source(Events.HOTLINE_SOURCE)))
                .containsExactly("source: bed.occupied must come from /operators/<operatorId>");
        assertThat(errorsOf(callLogged("call-1").source("/hotline/")))
                .singleElement()
                .asString()
                .startsWith("source: must be /operators/<operatorId>");
    }

    @Test
    void letsAServiceRecordNameTheWorkOrderItCloses() {
        ServiceDelivered record = valid(serviceDelivered("r-1", "f-1").set("data.workOrderId", "wo-1"))
                .dataAs(ServiceDelivered.class);

        assertThat(record.workOrderId()).isEqualTo("wo-1");
        assertThat(valid(serviceDelivered("r-2", "f-1"))
                        .dataAs(ServiceDelivered.class)
                        .workOrderId())
                .isNull();
        assertThat(errorsOf(serviceDelivered("r-3", "f-1").set("data.workOrderId", "wo 1")))
                .containsExactly("data.workOrderId: must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -");
    }
}
