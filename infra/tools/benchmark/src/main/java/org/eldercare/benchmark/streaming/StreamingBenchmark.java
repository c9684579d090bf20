package org.eldercare.benchmark.streaming;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.eldercare.benchmark.common.BenchStack;
import org.eldercare.benchmark.common.Machine;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.publish.TopicInitializer;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.tools.simulator.CitySimulator;
import org.eldercare.tools.simulator.SimulatorConfig;

/**
 * The live-indicator job on the embedded stack, in one of three modes (issue 4):
 *
 * <ul>
 *   <li>{@code --mode throughput}: {@code --events} simulator events pre-filled into Kafka, then the job reads them
 *       to the end (bounded source); events/s through it. Goal at least 50,000 events/s.
 *   <li>{@code --mode latency}: simulator traffic produced at a steady {@code --rate}; event-to-indicator latency
 *       (Kafka send to the indicator document in Elasticsearch) p50/p99 via probes. Goal p99 under 2 s.
 *   <li>{@code --mode state}: {@code --facilities} synthetic facilities; the size of a completed checkpoint, whole
 *       and per operator, scaled to 10,000 facilities.
 * </ul>
 */
public final class StreamingBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final double GOAL_EVENTS_PER_SECOND = 50_000;
    private static final double GOAL_P99_MILLIS = 2_000;

    private StreamingBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String mode = options.string("mode", "throughput");
        int parallelism = options.integer("parallelism", 2);
        String kafkaHeap = options.string("kafka-heap", "1g");
        String esHeap = options.string("es-heap", "1g");
        boolean keep = options.flag("keep-data");
        String runId = "sb" + Long.toString(System.currentTimeMillis(), 36);
        try (WorkDir dir = WorkDir.create("streaming-" + mode, keep)) {
            switch (mode) {
                case "throughput" -> {
                    int events = options.integer("events", 2_000_000);
                    IndicatorJobRun.Sinks sinks = IndicatorJobRun.Sinks.valueOf(
                            options.string("sinks", "discard").toUpperCase(Locale.ROOT));
                    Duration checkpoints = options.duration("checkpoint-interval", Duration.ofSeconds(5));
                    options.requireAllKnown();
                    try (LocalStack stack = BenchStack.start(dir, kafkaHeap, esHeap)) {
                        throughput(
                                stack,
                                events,
                                sinks,
                                IndicatorJobRun.config(stack, parallelism, checkpoints),
                                runId,
                                kafkaHeap,
                                esHeap);
                    }
                }
                case "latency" -> {
                    double rate = options.integer("rate", 5000);
                    Duration warmup = options.duration("warmup", Duration.ofSeconds(15));
                    Duration duration = options.duration("duration", Duration.ofSeconds(60));
                    Duration checkpoints = options.duration("checkpoint-interval", Duration.ofSeconds(5));
                    options.requireAllKnown();
                    try (LocalStack stack = BenchStack.start(dir, kafkaHeap, esHeap)) {
                        latency(
                                stack,
                                rate,
                                warmup,
                                duration,
                                IndicatorJobRun.config(stack, parallelism, checkpoints),
                                runId);
                    }
                }
                case "state" -> {
                    int facilities = options.integer("facilities", 10_000);
                    Duration checkpoints = options.duration("checkpoint-interval", Duration.ofSeconds(2));
                    options.requireAllKnown();
                    try (LocalStack stack = BenchStack.start(dir, kafkaHeap, esHeap)) {
                        state(stack, facilities, IndicatorJobRun.config(stack, parallelism, checkpoints), runId);
                    }
                }
                default ->
                    throw new IllegalArgumentException("--mode: must be throughput, latency or state, was " + mode);
            }
        }
        System.exit(0);
    }

    private static void throughput(
            LocalStack stack,
            int events,
            IndicatorJobRun.Sinks sinks,
            StreamingConfig config,
            String runId,
            String kafkaHeap,
            String esHeap)
            throws Exception {
        prepare(stack, sinks == IndicatorJobRun.Sinks.ES);
        CitySimulator simulator = new CitySimulator(SimulatorConfig.defaults().withRunId(runId), Regions.load());
        long fillBegin = System.nanoTime();
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).minusHours(1);
        Duration step = Duration.ofHours(1).dividedBy(events);
        try (EventProducer producer = new EventProducer(stack.kafkaBootstrapServers())) {
            int sent = 0;
            for (CareEvent e : simulator.registrations(start)) {
                producer.send(e);
                sent++;
            }
            for (OffsetDateTime at = start; sent < events; sent++, at = at.plus(step)) {
                producer.send(simulator.next(at));
            }
            producer.flush();
        }
        double fillSeconds = (System.nanoTime() - fillBegin) / 1e9;
        System.out.printf("[bench] %,d events in the topic after %.1f s; running the job%n", events, fillSeconds);
        JobClient job = IndicatorJobRun.start(stack, config, sinks, true);
        job.getJobExecutionResult().get();
        long finished = System.nanoTime();
        long count = EntryCounter.count();
        double entrySeconds = (EntryCounter.lastNanos() - EntryCounter.firstNanos()) / 1e9;
        double rate = count / entrySeconds;
        double wallSeconds = (finished - EntryCounter.firstNanos()) / 1e9;
        new Report("indicator job throughput")
                .line(
                        "parameters",
                        "%,d simulator events (%d facilities) pre-filled in %s (4 partitions), bounded Kafka source from earliest; parallelism %d; EXACTLY_ONCE checkpoints every %d s; sinks: %s; kafka -Xmx%s, elasticsearch -Xmx%s",
                        events,
                        simulator.facilities().size(),
                        org.eldercare.ingest.topic.Topics.EVENTS,
                        config.parallelism(),
                        config.checkpointInterval().toSeconds(),
                        sinks == IndicatorJobRun.Sinks.ES
                                ? "production (Elasticsearch documents, dead letters and indicators to Kafka)"
                                : "discarding (job cost only)",
                        kafkaHeap,
                        esHeap)
                .line(
                        "throughput",
                        "%,.0f events/s (%,d events entered the job in %.1f s, first to last)",
                        rate,
                        count,
                        entrySeconds)
                .line(
                        "job wall",
                        "%.1f s from the first event to the job's end (includes its final checkpoint): %,.0f events/s",
                        wallSeconds,
                        count / wallSeconds)
                .line("fill", "%,.0f events/s written to Kafka while filling", events / fillSeconds)
                .goal(
                        String.format(Locale.ROOT, "≥ %,.0f events/s", GOAL_EVENTS_PER_SECOND),
                        rate >= GOAL_EVENTS_PER_SECOND && count >= events,
                        String.format(
                                Locale.ROOT,
                                "%,.0f events/s%s",
                                rate,
                                count >= events ? "" : ", only " + count + " of " + events + " events seen"))
                .print();
    }

    private static void latency(
            LocalStack stack, double rate, Duration warmup, Duration duration, StreamingConfig config, String runId)
            throws Exception {
        prepare(stack, true);
        Regions regions = Regions.load();
        CitySimulator simulator = new CitySimulator(SimulatorConfig.defaults().withRunId(runId), regions);
        List<Street> probeStreets = List.of(
                regions.streetsOf("110109").getFirst(),
                regions.streetsOf("110115").getFirst());
        try (EventProducer producer = new EventProducer(stack.kafkaBootstrapServers())) {
            FreshnessProbe probe =
                    new FreshnessProbe(producer, simulator, probeStreets, stack.elasticsearchUrl(), runId);
            OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
            List<CareEvent> start = new java.util.ArrayList<>(simulator.registrations(now));
            start.addAll(probe.probeRegistrations(now));
            start.forEach(producer::send);
            producer.flush();
            JobClient job = IndicatorJobRun.start(stack, config, IndicatorJobRun.Sinks.ES, false);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (EntryCounter.count() < start.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(3000);
            System.out.printf(
                    "[bench] job running, %d start events in; producing %,.0f events/s: %d s warm-up, %d s measured%n",
                    start.size(), rate, warmup.toSeconds(), duration.toSeconds());
            long entered = EntryCounter.count();
            probe.run(rate, warmup, duration);
            long through = EntryCounter.count() - entered;
            double p99 = probe.latencies().millisAt(0.99);
            new Report("indicator job freshness at a steady rate")
                    .line(
                            "parameters",
                            "%,.0f events/s of simulator traffic to Kafka for %d s warm-up + %d s measured; parallelism %d; EXACTLY_ONCE checkpoints every %d s; coalesce %d ms; production sinks (Elasticsearch, Kafka)",
                            rate,
                            warmup.toSeconds(),
                            duration.toSeconds(),
                            config.parallelism(),
                            config.checkpointInterval().toSeconds(),
                            config.coalesceInterval().toMillis())
                    .line(
                            "method",
                            "probe meal.served events in streets %s (20/s), latency = Kafka send -> indicator document in Elasticsearch shows it (real-time GET every %d ms)",
                            probeStreets.stream().map(Street::code).toList(),
                            FreshnessProbe.POLL_MILLIS)
                    .line("latency", "%s", probe.latencies().summary())
                    .line(
                            "probes",
                            "%,d sent, %,d measured, %,d not seen within 10 s after the run",
                            probe.probes(),
                            probe.latencies().count(),
                            probe.unseen())
                    .line(
                            "job input",
                            "%,d events entered the job while producing (%,.0f events/s)",
                            through,
                            through / (warmup.plus(duration).toMillis() / 1000.0 + 10))
                    .goal(
                            "p99 event-to-indicator < 2 s",
                            p99 < GOAL_P99_MILLIS && probe.unseen() == 0,
                            String.format(Locale.ROOT, "p99 %.0f ms", p99))
                    .print();
            job.cancel().get();
        }
    }

    private static void state(LocalStack stack, int facilities, StreamingConfig config, String runId) throws Exception {
        prepare(stack, false);
        List<CareEvent> events = SyntheticCity.events(
                facilities, runId, OffsetDateTime.now(SHANGHAI).minusMinutes(5));
        try (EventProducer producer = new EventProducer(stack.kafkaBootstrapServers())) {
            events.forEach(producer::send);
            producer.flush();
        }
        JobClient job = IndicatorJobRun.start(stack, config, IndicatorJobRun.Sinks.DISCARD, false);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (EntryCounter.count() < events.size() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // Let the coalescing timers fire, then take the second checkpoint from now: it holds the settled state.
        Thread.sleep(config.coalesceInterval().toMillis() * 4 + 1000);
        CheckpointStats stats =
                new CheckpointStats(stack.flinkRestAddress(), stack.flinkRestSslContext(), job.getJobID());
        CheckpointStats.Completed before = stats.latest();
        long after = before == null ? 1 : before.id() + 2;
        CheckpointStats.Completed settled = before;
        while ((settled == null || settled.id() < after)
                && System.nanoTime() < deadline + Duration.ofMinutes(2).toNanos()) {
            Thread.sleep(500);
            settled = stats.latest();
        }
        job.cancel().get();
        if (settled == null) {
            throw new IllegalStateException("no checkpoint completed; is checkpointing working on this stack?");
        }
        long onDisk = WorkDir.sizeOf(java.nio.file.Path.of(java.net.URI.create(
                settled.externalPath().startsWith("file:")
                        ? settled.externalPath()
                        : "file://" + settled.externalPath())));
        double scale = 10_000.0 / facilities;
        Report report = new Report("indicator job state size")
                .line(
                        "parameters",
                        "%,d synthetic facilities over every reference street, %d events each (registered, %d caregivers hired, 1 shift, beds or meals): %,d events; parallelism %d; heap state backend, full checkpoints",
                        facilities,
                        SyntheticCity.eventsPerFacility(),
                        SyntheticCity.CAREGIVERS,
                        events.size(),
                        config.parallelism())
                .line(
                        "checkpoint",
                        "#%d: %s state (REST state_size), %s on disk; %,d of %,d events had entered the job",
                        settled.id(),
                        Machine.megabytes(settled.stateBytes()),
                        Machine.megabytes(onDisk),
                        EntryCounter.count(),
                        events.size())
                .line(
                        "per 10,000",
                        "%s per 10,000 facilities (%.0f bytes per facility, dedup ids of its %d events included)",
                        Machine.megabytes((long) (settled.stateBytes() * scale)),
                        settled.stateBytes() / (double) facilities,
                        SyntheticCity.eventsPerFacility());
        for (Map.Entry<String, Long> v : settled.bytesByVertex().entrySet()) {
            if (v.getValue() > 0) {
                report.line("  operator", "%-9s %s", Machine.megabytes(v.getValue()), v.getKey());
            }
        }
        report.line("goal", "none set; reported for sizing").print();
    }

    /** Topics, and the indexes when the run writes to Elasticsearch. */
    private static void prepare(LocalStack stack, boolean indexes) throws Exception {
        TopicInitializer.ensureTopics(stack.kafkaBootstrapServers(), Duration.ofSeconds(30));
        if (indexes) {
            ElasticsearchConfig es = ElasticsearchConfig.forUrl(stack.elasticsearchUrl());
            ElasticsearchClient client = Elasticsearch.client(es);
            try {
                new IndexManager(client, es).ensureAll();
            } finally {
                client._transport().close();
            }
        }
    }
}
