package org.eldercare.streaming.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceHeartbeat;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.IncidentOutcome;
import org.eldercare.ingest.event.IncidentResolved;
import org.eldercare.ingest.event.IncidentTransition;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.fixtures.IncidentDay;
import org.junit.jupiter.api.Test;

/**
 * State is not kept forever (docs/CONTRACT.md §9.8): an unbound device and a resolved incident are forgotten {@link
 * Incidents#RETENTION} (8 days) of event time after their unbinding or resolution, and what arrives for them after
 * that is treated as for a device or incident never known.
 */
class IncidentRetentionTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T09:00:00+08:00");
    private static final long RETENTION = Incidents.RETENTION.toMillis();
    private int ids;

    @Test
    void anUnboundDeviceIsForgottenEightDaysAfterItsUnbinding() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonSignal> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new DeviceWatch(), DeviceWatch::key, Types.STRING)) {
            harness.processElement(device(EventType.DEVICE_BOUND, T0, bound("door-1")), millis(T0));
            OffsetDateTime unbound = T0.plusHours(2);
            harness.processElement(
                    device(EventType.DEVICE_UNBOUND, unbound, new DeviceUnbound("door-1")), millis(unbound));

            harness.processWatermark(new Watermark(millis(unbound) + RETENTION - 1));
            assertThat(harness.numKeyedStateEntries())
                    .as("kept for last-writer-wins")
                    .isEqualTo(1);
            harness.processWatermark(new Watermark(millis(unbound) + RETENTION));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();

            OffsetDateTime late = unbound.plus(Incidents.RETENTION).plusMinutes(1);
            harness.processElement(
                    device(EventType.DEVICE_HEARTBEAT, late, new DeviceHeartbeat("door-1", 80)), millis(late));
            assertThat(harness.getSideOutput(DeviceWatch.REJECTED))
                    .extracting(r -> r.getValue().reasons().getFirst())
                    .containsExactly("data.deviceId: operator op-1 has no bound device door-1");
        }
    }

    @Test
    void aDeviceBoundAgainBeforeItsStateIsForgottenKeepsIt() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonSignal> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new DeviceWatch(), DeviceWatch::key, Types.STRING)) {
            harness.processElement(device(EventType.DEVICE_BOUND, T0, bound("door-1")), millis(T0));
            harness.processElement(
                    device(EventType.DEVICE_UNBOUND, T0.plusHours(1), new DeviceUnbound("door-1")),
                    millis(T0.plusHours(1)));
            harness.processElement(
                    device(EventType.DEVICE_BOUND, T0.plusDays(2), bound("door-1")), millis(T0.plusDays(2)));
            harness.processElement(
                    device(EventType.DEVICE_HEARTBEAT, T0.plusDays(9), new DeviceHeartbeat("door-1", 80)),
                    millis(T0.plusDays(9)));

            harness.processWatermark(new Watermark(millis(T0.plusDays(9))));
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
            assertThat(harness.getSideOutput(DeviceWatch.REJECTED)).isNull();
        }
    }

    @Test
    void aResolvedIncidentIsForgottenEightDaysAfterItsResolutionAndNotOpenedAgain() throws Exception {
        Raised sos = new Raised(
                "inc-00000000000000000000abcd",
                IncidentRules.SOS,
                Events.DISTRICT,
                Events.STREET,
                "op-1",
                "sos-1",
                "SOS_BUTTON",
                "p-1",
                null,
                null,
                "SOS from SOS_BUTTON sos-1",
                millis(T0));
        try (KeyedTwoInputStreamOperatorTestHarness<String, Raised, CareEvent, IncidentDocument> harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                        new IncidentLifecycle(),
                        Raised::incidentId,
                        e -> ((IncidentTransition) e.data()).incidentId(),
                        Types.STRING)) {
            harness.processElement1(sos, millis(T0));
            OffsetDateTime resolved = T0.plusMinutes(20);
            harness.processElement2(resolve(sos.incidentId(), resolved), millis(resolved));
            harness.processBothWatermarks(new Watermark(millis(resolved)));
            assertThat(harness.extractOutputValues().getLast().state()).isEqualTo(IncidentDocument.RESOLVED);

            harness.processBothWatermarks(new Watermark(millis(resolved) + RETENTION - 1));
            assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
            harness.processBothWatermarks(new Watermark(millis(resolved) + RETENTION));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();

            int written = harness.extractOutputValues().size();
            harness.processElement1(
                    sos.withPerson(new IncidentDocument.Person("王*英", null, null, 1950, java.util.List.of())),
                    millis(T0));
            assertThat(harness.extractOutputValues())
                    .as("not opened a second time")
                    .hasSize(written);

            OffsetDateTime late = resolved.plus(Incidents.RETENTION).plusMinutes(5);
            harness.processElement2(resolve(sos.incidentId(), late), millis(late));
            harness.processBothWatermarks(new Watermark(millis(late)));
            assertThat(harness.getSideOutput(IncidentLifecycle.REJECTED))
                    .extracting(r -> ((Rejection) r.getValue()).reasons().getFirst())
                    .containsExactly("data.incidentId: no incident " + sos.incidentId());
        }
    }

    @Test
    void theRetentionOutlastsTheOldestEventIntakeAccepts() {
        assertThat(Incidents.RETENTION).isGreaterThan(Duration.ofDays(7).plusMinutes(5));
    }

    private static DeviceBound bound(String deviceId) {
        return new DeviceBound(deviceId, DeviceKind.DOOR_SENSOR, "p-1", Events.DISTRICT, Events.STREET, 3600);
    }

    private CareEvent device(EventType type, OffsetDateTime time, EventData data) {
        return new CareEvent("d-" + ++ids, IncidentDay.OPERATOR, type, time, data);
    }

    private CareEvent resolve(String incidentId, OffsetDateTime time) {
        return new CareEvent(
                "h-" + ++ids,
                IncidentDay.HOTLINE,
                EventType.INCIDENT_RESOLVED,
                time,
                new IncidentResolved(incidentId, IncidentOutcome.ASSISTED, null));
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
