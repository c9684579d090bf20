package org.eldercare.benchmark.heartbeat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.operators.TimerHeapInternalTimer;
import org.apache.flink.streaming.api.operators.TimerSerializer;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceHeartbeat;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.EventType;
import org.eldercare.streaming.IndicatorJob;
import org.eldercare.streaming.JobEnvironment;
import org.eldercare.streaming.JobSinks;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.incident.DeviceState;
import org.eldercare.streaming.sink.DocumentSinkFactory;

/**
 * 100,000 terminals heartbeating every 5 minutes (issue #16: "100,000 devices heartbeating every 5 minutes, sustained,
 * with the timer state per device in bytes"), through the whole indicator job ({@link IndicatorJob#build}: parse and
 * validate, dedup, the device watch of docs/CONTRACT.md §9.4) on an in-process local environment with discarding sinks
 * and exactly-once checkpoints every {@code --checkpoint-interval} (30 s) to a temporary directory.
 *
 * <p><b>Event time is compressed.</b> Every device is bound, then sends {@code --rounds} heartbeats 5 minutes of event
 * time apart (each round spread over its 5 minutes in device order), as fast as the job takes them; at the end every
 * device is unbound, so the end of input does not raise 100,000 silences. The job's watermark and timers run on the
 * events' times, so it does the work of {@code rounds × 5} minutes of a city in however long it takes: the sustained
 * rate is heartbeats per wall-clock second between the first and the last heartbeat the source handed on, with the
 * job's backpressure pacing the source, set against the 333/s that 100,000 devices every 300 s need.
 *
 * <p><b>State per device</b> is measured with the job's serializers, not from a checkpoint: the key ({@code
 * operator/device}, a Flink {@code String}), the {@link DeviceState} value in its versioned form as a heartbeating
 * device holds it, and its one event-time timer as Flink's {@code TimerSerializer} writes it to a checkpoint (key,
 * timestamp, void namespace). A checkpoint adds its framing per key group; the JVM heap holds more than the bytes.
 */
public final class HeartbeatBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final long INTERVAL_SECONDS = 300;
    static final AtomicLong FIRST_HEARTBEAT = new AtomicLong();
    static final AtomicLong LAST_HEARTBEAT = new AtomicLong();

    private HeartbeatBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int devices = options.integer("devices", 100_000);
        int rounds = options.integer("rounds", 12);
        int parallelism = options.integer("parallelism", 2);
        Duration checkpoints = options.duration("checkpoint-interval", Duration.ofSeconds(30));
        boolean keep = options.flag("keep-data");
        options.requireAllKnown();
        try (WorkDir work = WorkDir.create("heartbeats", keep)) {
            run(devices, rounds, parallelism, checkpoints, work);
        }
    }

    private static void run(int devices, int rounds, int parallelism, Duration checkpoints, WorkDir work)
            throws Exception {
        Path checkpointDir = work.resolve("checkpoints");

        // Two hours ago, so the whole compressed hour lies inside the intake's 7-day window (§6.2).
        long t0 = Instant.now().minus(Duration.ofHours(2)).toEpochMilli() / 1000 * 1000;
        long total = (long) devices * (rounds + 2);
        StreamingConfig config = StreamingConfig.defaults()
                .withParallelism(parallelism)
                .withCheckpointDir(checkpointDir.toUri().toString())
                .with(StreamingConfig.CHECKPOINT_INTERVAL, checkpoints)
                .with(StreamingConfig.PII_ALLOW_DEMO_KEY, true);
        StreamExecutionEnvironment env =
                JobEnvironment.of(config).resumable(false).local();
        DataStream<byte[]> events = env.fromSequence(0, total - 1)
                .setParallelism(1)
                .name("terminals")
                // By device, so each device's events stay in time order through the parallel encoding.
                .keyBy(i -> i % devices, Types.LONG)
                .map(new Encode(devices, rounds, t0), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .name("encode CloudEvents");
        DocumentSinkFactory discard = new DocumentSinkFactory() {
            private static final long serialVersionUID = 1L;

            @Override
            public <T> org.apache.flink.api.connector.sink2.Sink<T> create(
                    String index, org.apache.flink.util.function.SerializableFunction<T, String> idOf) {
                return new DiscardingSink<>();
            }
        };
        IndicatorJob.build(env, events, JobSinks.of(discard, new DiscardingSink<>(), null), config);

        // The largest completed checkpoint seen on disk while the job runs (the whole job's state, dedup included).
        AtomicLong largestCheckpoint = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                largestCheckpoint.accumulateAndGet(largestCheckpoint(checkpointDir), Math::max);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        env.execute("benchmark: heartbeats");
        double wall = (System.nanoTime() - started) / 1e9;
        sampler.interrupt();

        long heartbeats = (long) devices * rounds;
        double seconds = (LAST_HEARTBEAT.get() - FIRST_HEARTBEAT.get()) / 1e9;
        double rate = heartbeats / seconds;
        double required = devices / (double) INTERVAL_SECONDS;
        StateBytes bytes = StateBytes.of(t0);
        new Report("heartbeats: " + devices + " devices every 5 min, event time compressed")
                .line(
                        "devices",
                        "%,d bound, %d rounds of heartbeats (%d min of event time), then unbound",
                        devices,
                        rounds,
                        rounds * INTERVAL_SECONDS / 60)
                .line(
                        "job",
                        "IndicatorJob, parallelism %d, local environment, sinks discard, checkpoints every %s",
                        parallelism,
                        checkpoints)
                .line(
                        "heartbeats",
                        "%,d in %.1f s between the first and the last; whole run %.1f s",
                        heartbeats,
                        seconds,
                        wall)
                .line("rate", "%,.0f heartbeats/s sustained = %.0f× the %.0f/s needed", rate, rate / required, required)
                .line(
                        "state",
                        "per device %d B by serializer: key %d B + DeviceState %d B + 1 timer %d B",
                        bytes.total(),
                        bytes.key(),
                        bytes.value(),
                        bytes.timer())
                .line(
                        "state",
                        "%,d devices: %.1f MB of device state and timers (serializer sum)",
                        devices,
                        devices * (double) bytes.total() / 1e6)
                .line(
                        "checkpoint",
                        "largest on disk during the run %.1f MB, the whole job (dedup ids of every event included)"
                                + " = %.0f B per device",
                        largestCheckpoint.get() / 1e6,
                        largestCheckpoint.get() / (double) devices)
                .goal(
                        String.format("sustain %.0f heartbeats/s", required),
                        rate >= required,
                        String.format("%,.0f/s", rate))
                .print();
    }

    /** Event {@code i}: the bindings, then the rounds of heartbeats, then the unbindings, every device in each block. */
    static final class Encode implements MapFunction<Long, byte[]> {
        private static final long serialVersionUID = 1L;
        private final int devices;
        private final int rounds;
        private final long t0;

        Encode(int devices, int rounds, long t0) {
            this.devices = devices;
            this.rounds = rounds;
            this.t0 = t0;
        }

        @Override
        public byte[] map(Long i) {
            int device = (int) (i % devices);
            long block = i / devices;
            String id = deviceId(device);
            // Spread over the block's 5 minutes in device order, so the event time moves on smoothly.
            long at = t0 + block * INTERVAL_SECONDS * 1000 + device * (INTERVAL_SECONDS * 1000 / devices);
            OffsetDateTime time = OffsetDateTime.ofInstant(Instant.ofEpochMilli(at), SHANGHAI);
            CareEvent event;
            if (block == 0) {
                event = new CareEvent(
                        "bind-" + id,
                        "/operators/op-1",
                        EventType.DEVICE_BOUND,
                        time,
                        new DeviceBound(id, DeviceKind.SMART_WATCH, "p-" + device, "110109", "110109001", (int)
                                INTERVAL_SECONDS));
            } else if (block <= rounds) {
                long now = System.nanoTime();
                FIRST_HEARTBEAT.compareAndSet(0, now);
                LAST_HEARTBEAT.accumulateAndGet(now, Math::max);
                event = new CareEvent(
                        "hb-" + id + "-" + block,
                        "/operators/op-1",
                        EventType.DEVICE_HEARTBEAT,
                        time,
                        new DeviceHeartbeat(id, 80));
            } else {
                event = new CareEvent(
                        "unbind-" + id, "/operators/op-1", EventType.DEVICE_UNBOUND, time, new DeviceUnbound(id));
            }
            return CloudEventJson.write(event);
        }
    }

    /** Bytes of the largest {@code chk-*} directory under {@code root}; one being written counts as far as it is. */
    private static long largestCheckpoint(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.walk(root, 3)) {
            return dirs.filter(d ->
                            Files.isDirectory(d) && d.getFileName().toString().startsWith("chk-"))
                    .mapToLong(WorkDir::sizeOf)
                    .max()
                    .orElse(0);
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a checkpoint deleted while we walked: the next sample sees the next one
        }
    }

    static String deviceId(int device) {
        return String.format("watch-%06d", device);
    }

    /** The bytes of one heartbeating device in a checkpoint, by the job's own serializers. */
    record StateBytes(int key, int value, int timer) {

        int total() {
            return key + value + timer;
        }

        static StateBytes of(long t0) throws java.io.IOException {
            String key = "op-1/" + deviceId(42);
            DataOutputSerializer out = new DataOutputSerializer(256);
            StringSerializer.INSTANCE.serialize(key, out);
            int keyBytes = out.length();
            DeviceState s = new DeviceState();
            s.operatorId = "op-1";
            s.deviceId = deviceId(42);
            s.kind = DeviceKind.SMART_WATCH;
            s.personId = "p-42";
            s.districtCode = "110109";
            s.streetCode = "110109001";
            s.heartbeatSeconds = (int) INTERVAL_SECONDS;
            s.bound = true;
            s.boundAt = t0;
            s.lastSignalAt = t0 + 3_600_000;
            s.silenceTimerAt = s.lastSignalAt + 3 * INTERVAL_SECONDS * 1000;
            out.clear();
            DeviceState.Serializer.INSTANCE.serialize(s, out);
            int valueBytes = out.length();
            out.clear();
            new TimerSerializer<>(StringSerializer.INSTANCE, VoidNamespaceSerializer.INSTANCE)
                    .serialize(new TimerHeapInternalTimer<>(s.silenceTimerAt, key, VoidNamespace.INSTANCE), out);
            int timerBytes = out.length();
            return new StateBytes(keyBytes, valueBytes, timerBytes);
        }
    }
}
