package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.infra.stack.LocalStackConfig;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.publish.TopicInitializer;
import org.eldercare.ingest.topic.Topics;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexManager;
import org.eldercare.streaming.ExpectedIndicators;
import org.eldercare.streaming.StreamingJobs;
import org.eldercare.streaming.fixtures.CityDay;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar {@code streaming} builds, submitted with {@code flink run} to a real standalone Flink
 * cluster (JobManager and TaskManager in their own JVMs, Flink alone on their classpath), with the
 * connection settings as job arguments. It reads the city-day events from the real Kafka node and
 * must write the same indicators into the real Elasticsearch node as the independent fold of the
 * counting rules.
 */
// The slow tier: `./eldercare test` runs it after every other test (README, "Tests").
@Tag("slow")
class JobJarOnFlinkClusterIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dir;

    static LocalStack stack;
    static FlinkSessionCluster cluster;
    static ElasticsearchClient elasticsearch;

    @BeforeAll
    static void startKafkaElasticsearchAndAFlinkCluster() throws Exception {
        stack = LocalStack.start(LocalStackConfig.forTests(dir.resolve("stack")));
        TopicInitializer.ensureTopics(stack.kafkaBootstrapServers(), Duration.ofSeconds(30));
        ElasticsearchConfig config =
                ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.url", stack.elasticsearchUrl())::get);
        elasticsearch = Elasticsearch.client(config);
        new IndexManager(elasticsearch, config).ensureAll();
        cluster = FlinkSessionCluster.started(dir.resolve("flink"));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (elasticsearch != null) {
            elasticsearch._transport().close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theJobJarCountsTheCityDayOnARealClusterFromItsArgumentsAlone() throws Exception {
        String jobId = cluster.submit(
                jobJar(),
                StreamingJobs.class.getName(),
                List.of(
                        "--kafka.bootstrap=" + stack.kafkaBootstrapServers(),
                        "--es.url=" + stack.elasticsearchUrl(),
                        "--checkpoint.dir=" + dir.resolve("checkpoints").toUri(),
                        "--checkpoint.interval=PT2S",
                        "--parallelism=2",
                        // Keys in files the tasks read, never in the arguments (docs/CONTRACT.md §6.7).
                        "--pii.hmac-key-file="
                                + java.nio.file.Files.writeString(
                                        dir.resolve("pii-hmac-key"), "job-jar-it-hmac-key-0001"),
                        "--pii.keys-file="
                                + java.nio.file.Files.writeString(
                                        dir.resolve("pii-keys"), "it:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")));
        awaitRunning(jobId);

        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
        List<CareEvent> events = CityDay.events(start);
        produce(events);

        LocalDate today = LocalDate.now(SHANGHAI);
        Assumptions.assumeTrue(start.toLocalDate().equals(today), "the run crossed midnight in Shanghai");
        ExpectedIndicators expected = new ExpectedIndicators(events);
        for (String code : List.of(Events.STREET, Events.OTHER_STREET, "110109", "110115")) {
            awaitIndicator(jobId, code, expected.of(code, today));
        }
        assertThat(cluster.jobState(jobId)).isEqualTo("RUNNING");
    }

    private static Path jobJar() throws IOException {
        Path target = Path.of(System.getProperty("eldercare.root", "../.."), "streaming", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-job.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no *-job.jar in " + target + ": package streaming"))
                    .toAbsolutePath();
        }
    }

    private static void awaitRunning(String jobId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = cluster.jobState(jobId);
        while (!state.equals("RUNNING") && System.nanoTime() < deadline) {
            assertThat(state)
                    .as("job state; exceptions: %s", cluster.exceptions(jobId))
                    .isNotIn("FAILED", "CANCELED");
            Thread.sleep(250);
            state = cluster.jobState(jobId);
        }
        assertThat(state).as("job state after 60 s").isEqualTo("RUNNING");
    }

    private static void produce(List<CareEvent> events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class))) {
            for (CareEvent event : events) {
                producer.send(
                        new ProducerRecord<>(Topics.EVENTS, event.partitionKey(), CloudEventJson.writeString(event)));
            }
            producer.flush();
        }
    }

    /** Polls the indicators index until the document matches the expectation, or fails with the last difference. */
    private static void awaitIndicator(String jobId, String code, IndicatorDocument want) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            var response = elasticsearch.get(g -> g.index(IndexNames.INDICATORS).id(code), IndicatorDocument.class);
            try {
                assertThat(response.found() ? response.source() : null)
                        .as("indicators of %s written by the job on the cluster", code)
                        .usingRecursiveComparison()
                        .ignoringFields("asOf")
                        .withComparatorForType(JobJarOnFlinkClusterIT::closeEnough, Double.class)
                        .isEqualTo(want);
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            assertThat(cluster.jobState(jobId))
                    .as("job state; exceptions: %s", cluster.exceptions(jobId))
                    .isEqualTo("RUNNING");
            Thread.sleep(500);
        }
    }

    /** Ratios within 1e-9 (they are computed in another order); absent ones (no denominator) only equal each other. */
    private static int closeEnough(Double a, Double b) {
        if (a == null || b == null) {
            return a == b ? 0 : (a == null ? -1 : 1);
        }
        return Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
    }
}
