package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceHeartbeat;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;
import org.eldercare.search.incident.DeviceDocument;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code devices} index (docs/CONTRACT.md §9.9) from the whole job at parallelism 2: 王桂英's smart watch and SOS
 * button each have one document under {@code <operatorId>/<deviceId>}, written at a binding, a silence, the first
 * signal after it and an unbinding, never for a heartbeat that changes nothing; a resent event and an event refused
 * after the unbinding write nothing. The expected documents are written out by hand from the timeline below.
 */
class DevicesIndexMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    static final String WANG = "p-dayu-0042";
    private int ids;

    @Test
    void writesEachDeviceAtItsBindingSilenceReturnAndUnbindingOnlyAndAResendChangesNothing() throws Exception {
        OffsetDateTime t =
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusHours(3).truncatedTo(ChronoUnit.MINUTES);
        List<CareEvent> events = new ArrayList<>(); // in the order read: time order but for the resends
        // The watch reports every minute; 3 missed heartbeats (default.json) are a silence.
        CareEvent watchBound = op(
                EventType.DEVICE_BOUND,
                t,
                new DeviceBound("watch-1", DeviceKind.SMART_WATCH, WANG, Events.DISTRICT, Events.STREET, 60));
        CareEvent buttonBound = op(
                EventType.DEVICE_BOUND,
                t,
                new DeviceBound("button-2", DeviceKind.SOS_BUTTON, WANG, Events.DISTRICT, Events.STREET, 300));
        events.add(watchBound);
        events.add(buttonBound);
        events.add(heartbeat("watch-1", t.plusMinutes(1)));
        events.add(heartbeat("watch-1", t.plusMinutes(2)));
        for (int m = 5; m <= 30; m += 5) {
            events.add(heartbeat("button-2", t.plusMinutes(m))); // every 5 minutes: none of these is a write
        }
        // Silent from 2 + 3 minutes on; back at 32.
        CareEvent back = heartbeat("watch-1", t.plusMinutes(32));
        events.add(back);
        events.add(heartbeat("watch-1", t.plusMinutes(33)));
        // Resent, read late: the same (source, id). Were the binding read again, it would be a new binding.
        events.add(back);
        events.add(watchBound);
        events.add(op(EventType.DEVICE_UNBOUND, t.plusMinutes(34), new DeviceUnbound("watch-1")));
        events.add(heartbeat("watch-1", t.plusMinutes(35))); // refused: no longer bound

        List<DeviceDocument> written = run(events);

        assertThat(written)
                .filteredOn(d -> d.deviceId().equals("watch-1"))
                .extracting(DevicesIndexMiniClusterTest::line)
                .as("bound, silent, back, unbound: four writes for the watch's 5 signals and 4 changes")
                .containsExactly(
                        "op-1/watch-1 ONLINE since " + at(t) + " bound " + at(t) + " last " + at(t),
                        "op-1/watch-1 SILENT since " + at(t.plusMinutes(5)) + " bound " + at(t) + " last "
                                + at(t.plusMinutes(2)),
                        "op-1/watch-1 ONLINE since " + at(t.plusMinutes(32)) + " bound " + at(t) + " last "
                                + at(t.plusMinutes(32)),
                        "op-1/watch-1 UNBOUND since " + at(t.plusMinutes(34)) + " bound " + at(t) + " last "
                                + at(t.plusMinutes(33)) + " unbound " + at(t.plusMinutes(34)));
        assertThat(written)
                .filteredOn(d -> d.deviceId().equals("button-2"))
                .extracting(DevicesIndexMiniClusterTest::line)
                .as("six heartbeats write nothing; the input's end (watermark +∞) is the button's silence")
                .containsExactly(
                        "op-1/button-2 ONLINE since " + at(t) + " bound " + at(t) + " last " + at(t),
                        "op-1/button-2 SILENT since " + at(t.plusMinutes(30 + 15)) + " bound " + at(t) + " last "
                                + at(t.plusMinutes(30)));
        DeviceDocument first = written.getFirst();
        assertThat(first.personId()).isEqualTo(WANG);
        assertThat(first.operatorId()).isEqualTo("op-1");
        assertThat(first.districtCode()).isEqualTo(Events.DISTRICT);
        assertThat(first.streetCode()).isEqualTo(Events.STREET);
        assertThat(first.statusSince().getOffset()).hasToString("+08:00");
        assertThat(written).filteredOn(d -> d.deviceId().equals("watch-1")).allSatisfy(d -> {
            assertThat(d.deviceKind()).isEqualTo("SMART_WATCH");
            assertThat(d.heartbeatSeconds()).isEqualTo(60);
        });
    }

    /** One document as the test reads it: id, status and its times ({@code unboundAt} only where it is set). */
    private static String line(DeviceDocument d) {
        return d.id() + " " + d.status() + " since " + at(d.statusSince()) + " bound " + at(d.boundAt()) + " last "
                + at(d.lastSignalAt()) + (d.unboundAt() == null ? "" : " unbound " + at(d.unboundAt()));
    }

    private static String at(OffsetDateTime time) {
        return time.toInstant().toString();
    }

    private CareEvent heartbeat(String device, OffsetDateTime time) {
        return op(EventType.DEVICE_HEARTBEAT, time, new DeviceHeartbeat(device, 80));
    }

    private CareEvent op(EventType type, OffsetDateTime time, EventData data) {
        return new CareEvent("dev-" + ++ids, "/operators/op-1", type, time, data);
    }

    private static List<DeviceDocument> run(List<CareEvent> events) throws Exception {
        CollectingSink<DeviceDocument> devices = new CollectingSink<>("devices-index");
        CollectingSink<Rejection> deadLetters = new CollectingSink<>("devices-dead-letters");
        JobSinks sinks = CollectingJobSinks.named("devices")
                .deadLetters(deadLetters)
                .devices(devices)
                .build();
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(2);
        var source = env.fromData(
                        events.stream().map(CloudEventJson::write).toList(),
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1);
        IndicatorJob.build(
                env,
                source,
                sinks,
                StreamingConfig.defaults()
                        .with("pii.allow-demo-key", "true")
                        .withCoalesceInterval(Duration.ZERO)
                        .withSilenceThreshold(Duration.ofHours(1)));
        env.execute("devices index test");
        assertThat(deadLetters.collected())
                .extracting(r -> r.reasons().getFirst())
                .containsExactly("data.deviceId: operator op-1 has no bound device watch-1");
        return List.copyOf(devices.collected());
    }
}
