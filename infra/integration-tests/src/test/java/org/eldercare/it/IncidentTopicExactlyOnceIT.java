package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.kafka.KafkaAccess;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.publish.TopicInitializer;
import org.eldercare.ingest.topic.Topics;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.IndicatorJob;
import org.eldercare.streaming.JobSinks;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.StreamingJobs;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.IncidentDay;
import org.eldercare.streaming.incident.IncidentIds;
import org.eldercare.streaming.kafka.KafkaEndpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eldercare.incidents.v1} is written exactly once (docs/CONTRACT.md §9.5) on a real broker: the job reads a day
 * of terminals from the events topic and is cancelled as soon as its first incident transitions are on the topic,
 * before any checkpoint commits them; started again on the same checkpoint directory it reads the day again. A
 * {@code read_committed} reader then finds every transition of every incident once: no {@code (incidentId, seq)} twice,
 * no gap in any incident's history, the same records as the job's incident documents hold.
 */
// The slow tier: `./eldercare test` runs it after every other test (README, "Tests").
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentTopicExactlyOnceIT {

    /** Longer than the 1-minute idle-partition timeout of the incident clocks (§9.5) plus a checkpoint interval. */
    private static final Duration SETTLED = Duration.ofSeconds(80);

    private static final String JOB = "eldercare-job";
    private static final String PASSWORD = "job-password";

    @TempDir
    static Path dir;

    KafkaTestNode kafka;

    @BeforeAll
    void startABrokerWithTheJobsPrincipal() throws Exception {
        kafka = KafkaTestNode.securedStarted(dir.resolve("kafka"));
        try (Admin admin = kafka.admin(kafka.superUser())) {
            KafkaAccess access = new KafkaAccess(admin, Duration.ofSeconds(20));
            access.upsertScramUser(JOB, PASSWORD);
            // The job may write the incidents topic only because grantJob now names it.
            access.grantJob(JOB, "eldercare-streaming", "eldercare-streaming");
        }
        assertThat(TopicInitializer.ensureTopics(kafka.bootstrapServers(), kafka.superUser(), Duration.ofSeconds(30)))
                .contains(Topics.INCIDENTS);
    }

    @AfterAll
    void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aJobCancelledBeforeItsCheckpointAndStartedAgainPublishesEachTransitionOnce() throws Exception {
        List<CareEvent> day = IncidentDay.events(LocalDate.now(ZoneId.of("Asia/Shanghai")), IncidentIds::of);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (CareEvent event : day) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, event.partitionKey(), CloudEventJson.write(event)));
            }
            producer.flush();
        }
        StreamingConfig config = config();

        // Run 1: cancelled as soon as a transition is on the topic, uncommitted, before the first checkpoint.
        CollectingSink<IncidentDocument> firstDocs = new CollectingSink<>("eo-incidents-1");
        JobClient first = start(config, "1", firstDocs);
        try (KafkaConsumer<byte[], byte[]> uncommitted = reader("read_uncommitted")) {
            awaitRecords(uncommitted, () -> 1, Duration.ofMinutes(3));
        }
        first.cancel().get(60, TimeUnit.SECONDS);

        // Run 2: on the same checkpoint directory, as a restarted process.
        CollectingSink<IncidentDocument> secondDocs = new CollectingSink<>("eo-incidents-2");
        JobClient second = start(config, "2", secondDocs);
        List<IncidentTransitionRecord> committed;
        try (KafkaConsumer<byte[], byte[]> reader = reader("read_committed")) {
            committed = awaitRecords(reader, () -> transitions(firstDocs, secondDocs), Duration.ofMinutes(6));
        } finally {
            second.cancel().get(60, TimeUnit.SECONDS);
        }

        Map<String, List<Integer>> seqs = new TreeMap<>();
        committed.forEach(r ->
                seqs.computeIfAbsent(r.incidentId(), id -> new ArrayList<>()).add(r.seq()));
        assertThat(seqs).as("incidents on the topic").isNotEmpty();
        Map<String, IncidentDocument> latest = latest(firstDocs, secondDocs);
        for (var entry : seqs.entrySet()) {
            int n = latest.get(entry.getKey()).transitions().size();
            assertThat(entry.getValue())
                    .as("the records of %s: 1 to %d, each once, in order", entry.getKey(), n)
                    .containsExactlyElementsOf(
                            java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
        }
        assertThat(seqs.keySet()).containsExactlyInAnyOrderElementsOf(latest.keySet());
    }

    private JobClient start(StreamingConfig config, String run, CollectingSink<IncidentDocument> incidents)
            throws Exception {
        JobSinks sinks = CollectingJobSinks.named("eo-" + run)
                .persons(new CollectingSink<PersonDocument>("eo-persons-" + run))
                .incidents(incidents)
                .incidentTopic(KafkaEndpoints.incidentTransitions(config.kafka()))
                .build();
        StreamExecutionEnvironment env = StreamingJobs.environment(config, true);
        IndicatorJob.buildOnTopics(
                env,
                env.fromSource(KafkaEndpoints.events(config.kafka()), WatermarkStrategy.noWatermarks(), "care events"),
                sinks,
                config);
        return env.executeAsync("incident topic exactly once, run " + run);
    }

    /**
     * Every record read until {@code expected} records are there and neither the records nor the job's incidents
     * changed for {@link #SETTLED}: an incident a timer raises waits for the watermark, which skips an idle partition
     * only after a minute, and its records for the next checkpoint, so a shorter quiet spell can end the wait between
     * an incident's document and its records.
     */
    private static List<IncidentTransitionRecord> awaitRecords(
            KafkaConsumer<byte[], byte[]> reader, Supplier<Integer> expected, Duration timeout) throws Exception {
        List<IncidentTransitionRecord> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long quietSince = System.nanoTime();
        int lastWant = -1;
        while (System.nanoTime() < deadline) {
            int before = records.size();
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(500))) {
                records.add(IncidentTransitionRecord.fromJson(r.value()));
            }
            int want = expected.get();
            if (records.size() != before || want != lastWant) {
                quietSince = System.nanoTime();
                lastWant = want;
            }
            if (want > 1 && records.size() >= want && System.nanoTime() - quietSince > SETTLED.toNanos()) {
                return records;
            }
            if (want == 1 && !records.isEmpty()) {
                return records;
            }
        }
        return records;
    }

    /** How many transitions the job's incidents hold at the end: the topic should hold each once. */
    private static int transitions(CollectingSink<IncidentDocument> first, CollectingSink<IncidentDocument> second) {
        return latest(first, second).values().stream()
                .mapToInt(d -> d.transitions().size())
                .sum();
    }

    private static Map<String, IncidentDocument> latest(
            CollectingSink<IncidentDocument> first, CollectingSink<IncidentDocument> second) {
        Map<String, IncidentDocument> latest = new HashMap<>();
        for (var sink : List.of(first, second)) {
            for (IncidentDocument d : sink.collected()) {
                latest.merge(
                        d.incidentId(),
                        d,
                        (a, b) -> b.transitions().size() >= a.transitions().size() ? b : a);
            }
        }
        return latest;
    }

    private StreamingConfig config() throws Exception {
        Path passwordFile = dir.resolve("job-kafka-password");
        Files.writeString(passwordFile, PASSWORD + "\n");
        Map<String, String> environment = Map.of("ELDERCARE_JOB_KAFKA_SECURITY_PASSWORD_FILE", passwordFile.toString());
        return StreamingConfig.fromArgs(
                new String[] {
                    "--kafka.bootstrap=" + kafka.bootstrapServers(),
                    "--kafka.security.protocol=SASL_PLAINTEXT",
                    "--kafka.security.username=" + JOB,
                    "--checkpoint.dir=" + dir.resolve("checkpoints").toUri(),
                    // Long enough that run 1 is cancelled before its first checkpoint commits anything.
                    "--checkpoint.interval=PT15S",
                    "--coalesce.interval=PT0S",
                    "--parallelism=2",
                    "--pii.allow-demo-key=true"
                },
                environment::get);
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>(kafka.superUser().clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    private KafkaConsumer<byte[], byte[]> reader(String isolation) {
        KafkaClientSecurity security = kafka.superUser();
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENTS, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
