package org.eldercare.benchmark.faults;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eldercare.infra.stack.ClusterPlatform;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.topic.Topics;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.streaming.ExpectedIndicators;
import org.eldercare.streaming.fixtures.CityDay;
import org.eldercare.streaming.fixtures.Events;

/**
 * One fault scenario on the cluster mode (docs/CONTRACT.md §6.10), tested the way Flink tests itself, with the
 * independent fold ({@link ExpectedIndicators}) as the oracle: a city day, then a steady stream of meals and bed
 * changes straight into Kafka; mid-stream the fault; at the end every field of every scope in the {@code indicators}
 * index must equal the fold of everything sent, so nothing was lost or counted twice.
 *
 * <p><b>Recovery time</b> is fault → indicators fresh again: the first moment after the last stale one, once the fault
 * is over, at which the meals counted in the probe street's indicators include every meal Kafka acknowledged {@link
 * #FRESH} earlier and at least one acknowledged after the fault.
 */
public final class ClusterFaults {

    /** How far the indicators may trail the acknowledged stream and still count as fresh. */
    public static final Duration FRESH = Duration.ofSeconds(5);

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** The faults of issue #14 item 2, and none (a baseline). */
    public enum Scenario {
        NONE,
        TASKMANAGER_KILL,
        JOBMANAGER_KILL,
        KAFKA_STOP,
        ES_STOP;

        public static Scenario parse(String text) {
            for (Scenario s : values()) {
                if (s.cliName().equals(text)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("--scenario: must be one of none, taskmanager-kill, jobmanager-kill,"
                    + " kafka-stop, es-stop; was " + text);
        }

        public String cliName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What a run saw.
     *
     * @param recovery fault → fresh again; null for {@link Scenario#NONE} or when never fresh again
     * @param differences one line per scope that differs from the fold at the end (empty: exactly once)
     */
    public record Result(
            Scenario scenario,
            long events,
            double eventsPerSecond,
            Duration recovery,
            Duration baselineLag,
            int scopes,
            List<String> differences,
            String jobState) {

        public boolean exactlyOnce() {
            return differences.isEmpty() && scopes > 0;
        }
    }

    private final ClusterPlatform cluster;
    private final List<CareEvent> sent = new ArrayList<>();

    public ClusterFaults(ClusterPlatform cluster) {
        this.cluster = cluster;
    }

    /**
     * Runs {@code scenario}: {@code before} of steady stream at {@code rate} events/s, the fault ({@code outage} long
     * for a stopped broker or node), {@code after} more of stream, then waits up to {@code settle} for the indicators to
     * equal the fold.
     */
    public Result run(Scenario scenario, int rate, Duration before, Duration after, Duration outage, Duration settle)
            throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
        // The city day once per cluster: later runs on the same cluster only stream, and the fold covers them all.
        List<CareEvent> cityDay = sent.isEmpty() ? CityDay.events(start) : List.of();
        sent.addAll(cityDay);
        long baseMeals = new ExpectedIndicators(sent)
                .of(Events.STREET, start.toLocalDate())
                .mealsServedToday();
        ConcurrentLinkedQueue<Long> mealAcks = new ConcurrentLinkedQueue<>();
        AtomicLong acked = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();

        ElasticsearchConfig esConfig =
                ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.url", cluster.elasticsearchUrl())::get);
        ElasticsearchClient es = Elasticsearch.client(esConfig);
        try (KafkaProducer<String, String> producer = producer()) {
            for (CareEvent e : cityDay) {
                send(producer, e, acked, failed, null);
            }
            producer.flush();

            FreshnessWatch watch = new FreshnessWatch(es, baseMeals, mealAcks);
            watch.start();
            long streamBegin = System.nanoTime();
            long nanosPerEvent = 1_000_000_000L / rate;
            long total = (before.toSeconds() + after.toSeconds()) * rate;
            long faultAt = before.toSeconds() * rate;
            for (long i = 0; i < total; i++) {
                if (i == faultAt) {
                    watch.faultAt(System.nanoTime());
                    inject(scenario, outage, watch);
                }
                CareEvent e = streamEvent(run, i, start.plusSeconds(70));
                sent.add(e);
                send(producer, e, acked, failed, e.type() == EventType.MEAL_SERVED ? mealAcks : null);
                long due = streamBegin + (i + 1) * nanosPerEvent;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            producer.flush();
            double seconds = (System.nanoTime() - streamBegin) / 1e9;
            if (failed.get()) {
                throw new IllegalStateException("Kafka refused an event for good; the run proves nothing");
            }
            ExpectedIndicators expected = new ExpectedIndicators(sent);
            LocalDate today = LocalDate.now(SHANGHAI);
            if (!today.equals(start.toLocalDate())) {
                throw new IllegalStateException("the run crossed midnight in Shanghai; run it again");
            }
            List<String> differences = awaitFold(es, expected, today, settle);
            watch.stop();
            Duration recovery = scenario == Scenario.NONE ? null : watch.recovery();
            if (recovery != null) {
                log(String.format(Locale.ROOT, "fresh again %.1f s after the fault", recovery.toMillis() / 1000.0));
            }
            int scopes = scopes(es).size();
            String state = cluster.flinkRest().jobState(cluster.jobId());
            return new Result(
                    scenario, total, (total) / seconds, recovery, watch.baselineLag(), scopes, differences, state);
        } finally {
            es._transport().close();
        }
    }

    /** Meals at the probe street's care station and bed changes at an institution, each with its own id. */
    static CareEvent streamEvent(String run, long i, OffsetDateTime time) {
        CareEvent e = switch ((int) (i % 3)) {
            case 0 -> Events.mealServed("f-1", 1);
            case 1 -> Events.bedOccupied("f-5", 1);
            default -> Events.bedReleased("f-5", 1);
        };
        return new CareEvent("fault-" + run + "-" + i, e.source(), e.type(), time, e.data());
    }

    private void inject(Scenario scenario, Duration outage, FreshnessWatch watch) throws Exception {
        switch (scenario) {
            case NONE -> {}
            case TASKMANAGER_KILL -> kill9("taskmanager-1");
            case JOBMANAGER_KILL -> kill9("jobmanager");
            case KAFKA_STOP -> stopFor("kafka", outage, watch);
            case ES_STOP -> stopFor("elasticsearch", outage, watch);
        }
    }

    /** {@code kill -9} of the process in {@code <role>.pid}; the launcher starts it again. */
    private void kill9(String role) throws IOException {
        long pid = pid(role);
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(role + " pid " + pid + " is not running"));
        process.destroyForcibly();
        log("kill -9 " + role + " (pid " + pid + ")");
    }

    /**
     * Stops {@code role} (SIGTERM) and keeps it down for {@code outage} with its {@code .hold} file, then lets the
     * launcher start it again. The stream goes on meanwhile: the producer buffers and retries.
     */
    private void stopFor(String role, Duration outage, FreshnessWatch watch) throws Exception {
        Path hold = cluster.runDir().resolve(role + ".hold");
        Files.writeString(hold, "held by the fault runner\n");
        long pid = pid(role);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        log("stopped " + role + " (pid " + pid + ") for " + outage.toSeconds() + " s");
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(outage.toMillis());
                Files.deleteIfExists(hold);
                log(role + " released; the launcher starts it again");
            } catch (Exception e) {
                log("could not release " + role + ": " + e);
            }
        });
        watch.outage(outage);
    }

    private long pid(String role) throws IOException {
        return Long.parseLong(Files.readString(cluster.pidFile(role)).trim());
    }

    /** Sends {@code events} as fast as Kafka takes them and waits until every one is acknowledged. */
    static void produce(ClusterPlatform cluster, List<CareEvent> events) {
        AtomicBoolean failed = new AtomicBoolean();
        try (KafkaProducer<String, String> producer = producer(cluster)) {
            for (CareEvent e : events) {
                send(producer, e, new AtomicLong(), failed, null);
            }
            producer.flush();
        }
        if (failed.get()) {
            throw new IllegalStateException("Kafka refused an event");
        }
    }

    private KafkaProducer<String, String> producer() {
        return producer(cluster);
    }

    private static KafkaProducer<String, String> producer(ClusterPlatform cluster) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                // A broker down for 30 s must delay events, never drop them.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                300_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                300_000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    private static void send(
            KafkaProducer<String, String> producer,
            CareEvent e,
            AtomicLong acked,
            AtomicBoolean failed,
            ConcurrentLinkedQueue<Long> mealAcks) {
        producer.send(
                new ProducerRecord<>(Topics.EVENTS, e.partitionKey(), CloudEventJson.writeString(e)), (md, ex) -> {
                    if (ex != null) {
                        failed.set(true);
                    } else {
                        acked.incrementAndGet();
                        if (mealAcks != null) {
                            mealAcks.add(System.nanoTime());
                        }
                    }
                });
    }

    /** Polls until every scope equals the fold, or returns the differences left after {@code settle}. */
    static List<String> awaitFold(ElasticsearchClient es, ExpectedIndicators expected, LocalDate today, Duration settle)
            throws Exception {
        long deadline = System.nanoTime() + settle.toNanos();
        List<String> differences;
        do {
            differences = new ArrayList<>();
            List<IndicatorDocument> scopes;
            try {
                scopes = scopes(es);
            } catch (Exception notReadable) {
                differences.add("indicators unreadable: " + notReadable.getMessage());
                Thread.sleep(1000);
                continue;
            }
            for (String code : List.of(Events.STREET, Events.OTHER_STREET, Events.DISTRICT)) {
                if (scopes.stream().noneMatch(d -> code.equals(d.code()))) {
                    differences.add(code + ": missing");
                }
            }
            for (IndicatorDocument actual : scopes) {
                IndicatorDocument want = expected.of(actual.code(), today);
                String diff = difference(actual, want);
                if (diff != null) {
                    differences.add(actual.code() + ": " + diff);
                }
            }
            if (differences.isEmpty()) {
                return differences;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        return differences;
    }

    private static List<IndicatorDocument> scopes(ElasticsearchClient es) throws IOException {
        return es.search(s -> s.index(IndexNames.INDICATORS).size(1000), IndicatorDocument.class).hits().hits().stream()
                .map(Hit::source)
                .filter(Objects::nonNull)
                .toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Null when equal, else each differing field as {@code path: job X, fold Y}. Every field counts but {@code asOf};
     * ratios are compared to 9 decimals (the job and the fold compute them in another order).
     */
    static String difference(IndicatorDocument actual, IndicatorDocument want) {
        List<String> fields = new ArrayList<>();
        diff("", tree(actual), tree(want), fields);
        return fields.isEmpty() ? null : String.join("; ", fields);
    }

    private static JsonNode tree(IndicatorDocument d) {
        ObjectNode node = JSON.valueToTree(new IndicatorDocument(
                d.code(),
                d.name(),
                d.level(),
                d.residents(),
                d.elderly60(),
                d.beds(),
                d.bedsPerThousandResidents(),
                d.institutionBeds(),
                d.institutionBedsPerThousandResidents(),
                d.institutionNursingBeds(),
                d.nursingBedShare(),
                d.occupiedBeds(),
                d.occupancyRate(),
                d.careCenters(),
                d.careStations(),
                d.institutions(),
                d.mealTables(),
                d.caregivers(),
                d.certifiedCaregivers(),
                d.caregiversPerTenThousandElderly(),
                d.caregiversOnDuty(),
                d.mealsServedToday(),
                d.servicesDeliveredToday(),
                d.targets(),
                null,
                d.coverage()));
        node.remove("asOf");
        return node;
    }

    private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
        if (a != null && b != null && a.isNumber() && b.isNumber()) {
            if (Math.abs(a.doubleValue() - b.doubleValue()) > 1e-9) {
                out.add(path + ": job " + a + ", fold " + b);
            }
        } else if (a != null && b != null && a.isObject() && b.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(path.isEmpty() ? name : path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                diff(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (!Objects.equals(normalNull(a), normalNull(b))) {
            out.add(path + ": job " + a + ", fold " + b);
        }
    }

    private static JsonNode normalNull(JsonNode n) {
        return n == null || n.isNull() ? null : n;
    }

    static void log(String message) {
        System.out.printf(Locale.ROOT, "[faults] %tT %s%n", System.currentTimeMillis(), message);
        System.out.flush();
    }

    /**
     * Samples the probe street's meal count every 250 ms. A sample is fresh when the count includes every meal
     * acknowledged {@link #FRESH} before it. Recovery is found at the end: the first fresh sample after the last stale
     * one since the fault that also counts a meal acknowledged after the fault (or outage) ended, so an outage during
     * which nothing is acknowledged, or tasks still running on a dead JobManager, do not pass for recovery.
     */
    private static final class FreshnessWatch {

        private record Sample(long nanos, long counted) {}

        private final ElasticsearchClient es;
        private final long baseMeals;
        private final ConcurrentLinkedQueue<Long> mealAcks;
        private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private volatile long faultNanos = Long.MAX_VALUE;
        private volatile long outageNanos;
        private Thread thread;

        FreshnessWatch(ElasticsearchClient es, long baseMeals, ConcurrentLinkedQueue<Long> mealAcks) {
            this.es = es;
            this.baseMeals = baseMeals;
            this.mealAcks = mealAcks;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().name("freshness-watch").start(this::watch);
        }

        void faultAt(long nanos) {
            faultNanos = nanos;
        }

        void outage(Duration outage) {
            outageNanos = outage.toNanos();
        }

        private void watch() {
            while (running.get()) {
                long counted;
                try {
                    var doc = es.get(g -> g.index(IndexNames.INDICATORS).id(Events.STREET), IndicatorDocument.class);
                    counted = doc.found() ? doc.source().mealsServedToday() - baseMeals : -1;
                } catch (Exception unreadable) {
                    counted = -1;
                }
                samples.add(new Sample(System.nanoTime(), counted));
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private boolean fresh(Sample s, List<Long> acks) {
            long due =
                    acks.stream().filter(t -> t <= s.nanos() - FRESH.toNanos()).count();
            return s.counted() >= 0 && s.counted() >= due;
        }

        /** Fault → fresh again, or null when no sample after the fault qualifies. */
        Duration recovery() {
            List<Long> acks = mealAcks.stream().sorted().toList();
            long faultEnd = faultNanos + outageNanos;
            long beforeEnd = acks.stream().filter(t -> t <= faultEnd).count();
            List<Sample> after =
                    samples.stream().filter(s -> s.nanos() > faultNanos).toList();
            long lastStale = after.stream()
                    .filter(s -> !fresh(s, acks))
                    .mapToLong(Sample::nanos)
                    .max()
                    .orElse(faultNanos);
            return after.stream()
                    .filter(s -> s.nanos() > lastStale && s.nanos() >= faultEnd)
                    .filter(s -> s.counted() > beforeEnd && fresh(s, acks))
                    .findFirst()
                    .map(s -> Duration.ofNanos(s.nanos() - faultNanos))
                    .orElse(null);
        }

        /** The largest lag before the fault: since when the oldest meal not yet counted was acknowledged. */
        Duration baselineLag() {
            List<Long> acks = mealAcks.stream().sorted().toList();
            long worst = -1;
            for (Sample s : samples) {
                if (s.nanos() < faultNanos && s.counted() >= 0) {
                    long lag = s.counted() < acks.size() && acks.get((int) s.counted()) < s.nanos()
                            ? s.nanos() - acks.get((int) s.counted())
                            : 0;
                    worst = Math.max(worst, lag);
                }
            }
            return worst < 0 ? null : Duration.ofNanos(worst);
        }

        void stop() {
            running.set(false);
            thread.interrupt();
        }
    }
}
