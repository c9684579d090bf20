package org.eldercare.streaming.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceHeartbeat;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;
import org.eldercare.search.incident.DeviceDocument;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.Test;

/**
 * The device watch's documents of the {@code devices} index (docs/CONTRACT.md §9.9) where the whole job cannot show
 * them: a device whose state was kept from before the index (form 1 of {@link DeviceState}) is written once, at its
 * next event, a binding to another person is a new binding, and an unbinding's document carries the event's time as
 * {@code unboundAt} (what the retention of §6.8 ages it by), the same in a replay read at another wall-clock time.
 */
class DeviceDocumentsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-20T09:00:00+08:00");
    private int ids;

    @Test
    void aDeviceKeptFromBeforeTheIndexIsWrittenOnceAtItsNextHeartbeat() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonSignal> harness = harness()) {
            harness.processElement(bind("door-1", "p-1", T0), millis(T0));
            harness.getSideOutput(DeviceWatch.BINDINGS).clear();
            forgetTheDocument(harness, "op-1/door-1"); // as state of form 1 restores

            harness.processElement(heartbeat("door-1", T0.plusMinutes(30)), millis(T0.plusMinutes(30)));
            harness.processElement(heartbeat("door-1", T0.plusMinutes(60)), millis(T0.plusMinutes(60)));

            assertThat(harness.getSideOutput(DeviceWatch.BINDINGS))
                    .extracting(StreamRecord::getValue)
                    .extracting(d -> d.status() + " " + d.statusSince().toInstant() + " "
                            + d.lastSignalAt().toInstant())
                    .as("once, ONLINE since its binding (it never fell silent)")
                    .containsExactly("ONLINE " + T0.toInstant() + " "
                            + T0.plusMinutes(30).toInstant());
        }
    }

    @Test
    void aBindingToAnotherPersonIsANewBindingOfTheSameDocument() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonSignal> harness = harness()) {
            harness.processElement(bind("door-1", "p-1", T0), millis(T0));
            harness.processElement(heartbeat("door-1", T0.plusMinutes(30)), millis(T0.plusMinutes(30)));
            harness.processElement(bind("door-1", "p-2", T0.plusHours(1)), millis(T0.plusHours(1)));
            harness.processElement(bind("door-1", "p-3", T0.plusMinutes(45)), millis(T0.plusMinutes(45)));

            assertThat(harness.getSideOutput(DeviceWatch.BINDINGS))
                    .extracting(StreamRecord::getValue)
                    .extracting(d -> d.id() + " " + d.personId() + " " + d.status() + " "
                            + d.statusSince().toInstant())
                    .as("an older binding than the one that stands writes nothing")
                    .containsExactly(
                            "op-1/door-1 p-1 ONLINE " + T0.toInstant(),
                            "op-1/door-1 p-2 ONLINE " + T0.plusHours(1).toInstant());
        }
    }

    @Test
    void anUnbindingIsWrittenWithItsEventTimeAsUnboundAtAndAReplayWritesTheSame() throws Exception {
        OffsetDateTime unbound = T0.plusHours(1); // before the door sensor's silence (3 missed hourly heartbeats)
        List<CareEvent> events = List.of(
                bind("door-1", "p-1", T0),
                heartbeat("door-1", T0.plusMinutes(30)),
                event(EventType.DEVICE_UNBOUND, unbound, new DeviceUnbound("door-1")));

        List<DeviceDocument> first = documents(events, millis(unbound.plusHours(2)));
        List<DeviceDocument> replay = documents(events, millis(unbound.plusDays(40)));

        assertThat(first)
                .extracting(d -> d.status() + " unboundAt " + d.unboundAt())
                .as("only the UNBOUND document has unboundAt, the unbinding's time")
                .containsExactly("ONLINE unboundAt null", "UNBOUND unboundAt " + unbound);
        assertThat(first.getLast().unboundAt().toInstant()).isEqualTo(unbound.toInstant());
        assertThat(first.getLast().unboundAt().getOffset()).hasToString("+08:00");
        assertThat(replay).as("taken from the event, not the clock").isEqualTo(first);
    }

    /** The documents the watch writes for {@code events}, read when the wall clock says {@code processingTime}. */
    private static List<DeviceDocument> documents(List<CareEvent> events, long processingTime) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonSignal> harness = harness()) {
            harness.setProcessingTime(processingTime);
            for (CareEvent e : events) {
                harness.processElement(e, e.time().toInstant().toEpochMilli());
            }
            return harness.getSideOutput(DeviceWatch.BINDINGS).stream()
                    .map(StreamRecord::getValue)
                    .toList();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonSignal> harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DeviceWatch(), DeviceWatch::key, Types.STRING);
    }

    /** Sets the stored state's {@code documented} back to false, as a form-1 state reads (see DeviceStateFormsTest). */
    private static void forgetTheDocument(
            KeyedOneInputStreamOperatorTestHarness<String, CareEvent, PersonSignal> harness, String key)
            throws Exception {
        KeyedStateBackend<String> backend = ((AbstractStreamOperator<?>) harness.getOperator()).getKeyedStateBackend();
        backend.setCurrentKey(key);
        ValueState<DeviceState> state = backend.getPartitionedState(
                VoidNamespace.INSTANCE,
                VoidNamespaceSerializer.INSTANCE,
                new ValueStateDescriptor<>("device", DeviceState.TYPE));
        DeviceState kept = state.value().copy();
        kept.documented = false;
        state.update(kept);
    }

    private CareEvent bind(String device, String person, OffsetDateTime time) {
        return event(
                EventType.DEVICE_BOUND,
                time,
                new DeviceBound(device, DeviceKind.DOOR_SENSOR, person, Events.DISTRICT, Events.STREET, 3600));
    }

    private CareEvent heartbeat(String device, OffsetDateTime time) {
        return event(EventType.DEVICE_HEARTBEAT, time, new DeviceHeartbeat(device, 80));
    }

    private CareEvent event(EventType type, OffsetDateTime time, EventData data) {
        return new CareEvent("d-" + ++ids, "/operators/op-1", type, time, data);
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
