package org.eldercare.streaming.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.fixtures.Events.T0;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.RequestType;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.WorkOrderDispatched;
import org.eldercare.ingest.event.WorkOrderOpened;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A work order's life in the job, docs/CONTRACT.md §10.2: opened, dispatched, closed by the record that names it. */
class WorkOrderFoldTest {

    static final String DESK = "/hotline/12349-1";
    static final String WO = "wo-1";

    private KeyedOneInputStreamOperatorTestHarness<String, CareEvent, WorkOrderDocument> harness;
    private int ids;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new WorkOrderFold(), WorkOrderFold::workOrderOf, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    CareEvent opened(int minute, RequestType type) {
        return new CareEvent(
                "h-" + ++ids,
                DESK,
                EventType.WORKORDER_OPENED,
                T0.plusMinutes(minute),
                new WorkOrderOpened(WO, "call-1", type, "110109", "110109001", new GeoPoint(39.937, 116.105), "rcp-1"));
    }

    CareEvent dispatched(int minute, String facility, RequestType type) {
        return new CareEvent(
                "h-" + ++ids,
                DESK,
                EventType.WORKORDER_DISPATCHED,
                T0.plusMinutes(minute),
                new WorkOrderDispatched(WO, type, facility, 0.4));
    }

    static CareEvent delivered(int minute, String facility, String recordId) {
        CareEvent record = Events.at(T0.plusMinutes(minute), Events.serviceDelivered(facility, recordId));
        ServiceDelivered d = record.dataAs(ServiceDelivered.class);
        return new CareEvent(
                record.id(),
                record.source(),
                record.type(),
                record.time(),
                new ServiceDelivered(
                        d.recordId(),
                        d.facilityId(),
                        d.caregiverId(),
                        d.serviceType(),
                        d.startedAt(),
                        d.durationMinutes(),
                        d.recipient(),
                        WO));
    }

    void send(CareEvent... events) throws Exception {
        for (CareEvent e : events) {
            harness.processElement(e, 0);
        }
    }

    WorkOrderDocument latest() {
        return harness.extractOutputValues().getLast();
    }

    List<String> reasons() {
        var rejected = harness.getSideOutput(WorkOrderFold.REJECTED);
        return rejected == null
                ? List.of()
                : rejected.stream()
                        .map(StreamRecord::getValue)
                        .flatMap(r -> r.reasons().stream())
                        .toList();
    }

    @Test
    void goesFromOpenToDispatchedToClosedWithItsTimes() throws Exception {
        send(opened(0, RequestType.BATHING));
        assertThat(latest().state()).isEqualTo("OPEN");

        send(dispatched(12, "f-1", RequestType.BATHING));
        assertThat(latest().state()).isEqualTo("DISPATCHED");
        assertThat(latest().secondsToDispatch()).isEqualTo(720);

        send(delivered(180, "f-1", "r-9"));
        WorkOrderDocument closed = latest();
        assertThat(closed.state()).isEqualTo("CLOSED");
        assertThat(closed.closedBy()).isEqualTo("op-1:r-9");
        assertThat(closed.secondsToClose()).isEqualTo(180 * 60);
        assertThat(closed.recipientId()).isEqualTo("rcp-1");
        assertThat(reasons()).isEmpty();
    }

    @Test
    void holdsARecordThatArrivesBeforeItsDispatchAndClosesWhenTheDispatchComes() throws Exception {
        send(opened(0, RequestType.MEAL), delivered(90, "f-2", "r-1"));
        assertThat(latest().state()).isEqualTo("OPEN");

        send(dispatched(5, "f-2", RequestType.MEAL));

        assertThat(latest().state()).isEqualTo("CLOSED");
        assertThat(latest().secondsToClose()).isEqualTo(90 * 60);
    }

    @Test
    void rejectsARecordFromAnotherFacilityAndLeavesTheOrderOpen() throws Exception {
        send(opened(0, RequestType.CLEANING), dispatched(3, "f-1", RequestType.CLEANING));

        send(delivered(60, "f-7", "r-2"));

        assertThat(latest().state()).isEqualTo("DISPATCHED");
        assertThat(reasons()).containsExactly("data.workOrderId: work order wo-1 is dispatched to f-1, not f-7");
    }

    @Test
    void closesOnceAndRejectsASecondRecordNamingTheSameOrder() throws Exception {
        send(opened(0, RequestType.MEAL), dispatched(1, "f-1", RequestType.MEAL), delivered(30, "f-1", "r-1"));
        int published = harness.extractOutputValues().size();

        send(delivered(40, "f-1", "r-2"));

        assertThat(harness.extractOutputValues()).hasSize(published);
        assertThat(latest().closedBy()).isEqualTo("op-1:r-1");
        assertThat(reasons()).containsExactly("data.workOrderId: work order wo-1 was closed by record r-1");
    }

    @Test
    void rejectsADispatchOfAnotherRequestTypeOrOfAClosedOrder() throws Exception {
        send(opened(0, RequestType.MEDICAL_ESCORT));

        send(dispatched(2, "t-1", RequestType.MEAL));
        assertThat(latest().state()).isEqualTo("OPEN");

        send(dispatched(3, "f-1", RequestType.MEDICAL_ESCORT), delivered(50, "f-1", "r-1"));
        send(dispatched(60, "f-2", RequestType.MEDICAL_ESCORT));

        assertThat(latest().facilityId()).isEqualTo("f-1");
        assertThat(reasons())
                .containsExactly(
                        "data.requestType: work order wo-1 is MEDICAL_ESCORT",
                        "workOrderId: work order wo-1 is closed");
    }

    @Test
    void keepsTheLaterOfTwoDispatchesByTimeWhateverTheirOrder() throws Exception {
        send(opened(0, RequestType.BATHING), dispatched(20, "f-2", RequestType.BATHING));

        send(dispatched(10, "f-1", RequestType.BATHING));

        assertThat(latest().facilityId()).isEqualTo("f-2");
        assertThat(latest().secondsToDispatch()).isEqualTo(20 * 60);
    }

    @Test
    void publishesNothingUntilTheOrderIsOpened() throws Exception {
        send(dispatched(1, "f-1", RequestType.BATHING));

        assertThat(harness.extractOutputValues()).isEmpty();

        send(opened(0, RequestType.BATHING));
        assertThat(latest().state()).isEqualTo("DISPATCHED");
    }
}
