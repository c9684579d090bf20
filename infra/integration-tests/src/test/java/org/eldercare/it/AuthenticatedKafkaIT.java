package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eldercare.ingest.event.FacilityKind.CARE_STATION;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.kafka.KafkaAccess;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.publish.TopicInitializer;
import org.eldercare.ingest.topic.Topics;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.streaming.IndicatorJob;
import org.eldercare.streaming.JobSinks;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.kafka.KafkaEndpoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/CONTRACT.md §6.6 on a real broker: the embedded Kafka node secured with SCRAM-SHA-512 and ACLs, operators op-1
 * and op-2 each with a principal and a topic of their own, the API's and the job's principals as {@link KafkaAccess}
 * grants them. Shows who may write where, that an unauthenticated or wrongly authenticated client gets nothing, and
 * that the job, reading as its own principal, trusts the topic rather than the record's {@code source}. Over
 * SASL_PLAINTEXT here; {@link AuthenticatedKafkaOverTlsIT} runs every case again over SASL_SSL with a trust store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticatedKafkaIT {

    private static final String API = "eldercare-api";
    private static final String JOB = "eldercare-job";
    private static final Map<String, String> PASSWORDS =
            Map.of("op-1", "op-1-password", "op-2", "op-2-password", API, "api-password", JOB, "job-password");

    // Static: JUnit injects an instance @TempDir only before each test, too late for @BeforeAll.
    @TempDir
    static Path dir;

    KafkaTestNode kafka;

    /** Whether the broker's client listener is SASL_SSL (and every client trusts its certificate). */
    boolean tls() {
        return false;
    }

    @BeforeAll
    void startASecuredBrokerWithOperatorsApiAndJob() throws Exception {
        kafka = tls()
                ? KafkaTestNode.securedOverTlsStarted(dir.resolve("kafka"))
                : KafkaTestNode.securedStarted(dir.resolve("kafka"));
        try (Admin admin = kafka.admin(kafka.superUser())) {
            KafkaAccess access = new KafkaAccess(admin, Duration.ofSeconds(20));
            PASSWORDS.forEach(access::upsertScramUser);
            access.grantOperator("op-1", "op-1");
            access.grantOperator("op-2", "op-2");
            access.grantApi(API, "eldercare-streaming");
            access.grantJob(JOB, "eldercare-streaming", "eldercare-streaming");
            awaitAclsApplied(admin);
        }
        // The API creates the platform's topics with its own principal, as at its start.
        assertThat(TopicInitializer.ensureTopics(kafka.bootstrapServers(), as(API), Duration.ofSeconds(30)))
                .contains(Topics.EVENTS, Topics.DEAD_LETTERS);
    }

    @AfterAll
    void stop() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void anOperatorsPrincipalWritesItsOwnTopic() throws Exception {
        try (KafkaProducer<String, byte[]> op1 = producer(as("op-1"))) {
            assertThat(op1.send(record(Topics.operatorTopic("op-1"), "f-9", "{}"))
                            .get(20, TimeUnit.SECONDS)
                            .topic())
                    .isEqualTo("eldercare.events.op.op-1.v1");
        }
    }

    @Test
    void anotherOperatorsPrincipalIsRefusedOnThatTopic() {
        try (KafkaProducer<String, byte[]> op2 = producer(as("op-2"))) {
            assertThatThrownBy(() -> op2.send(record(Topics.operatorTopic("op-1"), "f-1", "{}"))
                            .get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<byte[], byte[]> op2 = consumer(as("op-2"))) {
            op2.assign(List.of(new TopicPartition(Topics.operatorTopic("op-1"), 0)));
            op2.seekToBeginning(op2.assignment());
            assertThatThrownBy(() -> op2.poll(Duration.ofSeconds(5))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void onlyTheApisPrincipalWritesTheSharedEventsTopic() throws Exception {
        try (KafkaProducer<String, byte[]> op1 = producer(as("op-1"))) {
            assertThatThrownBy(
                            () -> op1.send(record(Topics.EVENTS, "f-1", "{}")).get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, byte[]> api = producer(as(API))) {
            assertThat(api.send(record(Topics.EVENTS, "f-9", "{}"))
                            .get(20, TimeUnit.SECONDS)
                            .topic())
                    .isEqualTo(Topics.EVENTS);
        }
    }

    @Test
    void anUnauthenticatedClientGetsNoMetadataAndNoRecords() {
        try (Admin anonymous = kafka.admin(KafkaClientSecurity.plaintext())) {
            assertThatThrownBy(() -> anonymous.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class);
        }
        try (KafkaConsumer<byte[], byte[]> anonymous = consumer(KafkaClientSecurity.plaintext())) {
            assertThatThrownBy(() -> anonymous.listTopics(Duration.ofSeconds(3)))
                    .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
            anonymous.assign(List.of(new TopicPartition(Topics.EVENTS, 0)));
            anonymous.seekToBeginning(anonymous.assignment());
            assertThat(anonymous.poll(Duration.ofSeconds(3)).isEmpty()).isTrue();
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Admin impostor = kafka.admin(kafka.as("op-1", "not-op-1s-password"))) {
            assertThatThrownBy(() -> impostor.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void theJobTrustsTheTopicNotTheSourceOfARecord() throws Exception {
        OffsetDateTime now =
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        CollectingSink<FacilityDocument> facilities = new CollectingSink<>("auth-facilities");
        CollectingSink<Rejection> deadLetters = new CollectingSink<>("auth-dead-letters");
        CollectingSink<Rejection> rejections = new CollectingSink<>("auth-rejections");
        JobSinks sinks = CollectingJobSinks.named("auth")
                .facilities(facilities)
                .deadLetters(deadLetters)
                .rejectionDocuments(rejections)
                .build();
        // The job's password comes from a file, as in production: the job carries only its path (§6.6).
        java.nio.file.Path passwordFile = dir.resolve("job-kafka-password");
        java.nio.file.Files.writeString(passwordFile, PASSWORDS.get(JOB) + "\n");
        List<String> args = new java.util.ArrayList<>(List.of(
                "--kafka.bootstrap=" + kafka.bootstrapServers(),
                "--kafka.security.protocol=" + (tls() ? "SASL_SSL" : "SASL_PLAINTEXT"),
                "--kafka.security.username=" + JOB,
                "--coalesce.interval=PT0S",
                "--parallelism=1",
                // This test is about who may write where; the PII keys are the public demo ones (§6.7).
                "--pii.allow-demo-key=true"));
        Map<String, String> environment = new HashMap<>();
        environment.put("ELDERCARE_JOB_KAFKA_SECURITY_PASSWORD_FILE", passwordFile.toString());
        if (tls()) {
            // As in production (infra/deploy/k8s/flink.yaml): the CA certificate as PEM, which has no password.
            args.add("--kafka.security.truststore-location=" + kafka.tls().caCertificate());
            args.add("--kafka.security.truststore-type=PEM");
        }
        StreamingConfig config = StreamingConfig.fromArgs(args.toArray(String[]::new), environment::get);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        IndicatorJob.buildOnTopics(
                env,
                env.fromSource(KafkaEndpoints.events(config.kafka()), WatermarkStrategy.noWatermarks(), "care events"),
                sinks,
                config);

        try (KafkaProducer<String, byte[]> op1 = producer(as("op-1"));
                KafkaProducer<String, byte[]> op2 = producer(as("op-2"));
                KafkaProducer<String, byte[]> api = producer(as(API))) {
            op1.send(event(Topics.operatorTopic("op-1"), Events.at(now, Events.registered("f-1", CARE_STATION, 10))))
                    .get(20, TimeUnit.SECONDS);
            // op-2, on its own topic, pre-sends op-1's next id claiming to be op-1.
            op2.send(event(Topics.operatorTopic("op-2"), beds("bed-1", now, 5))).get(20, TimeUnit.SECONDS);
            JobClient job = env.executeAsync("authenticated job");
            try {
                await(() -> !deadLetters.collected().isEmpty(), "the forged record's rejection");
                op1.send(event(Topics.operatorTopic("op-1"), beds("bed-1", now, 2)))
                        .get(20, TimeUnit.SECONDS);
                // What the API's intake wrote for op-1 after checking its token: trusted as it is.
                api.send(event(Topics.EVENTS, beds("bed-2", now, 1))).get(20, TimeUnit.SECONDS);

                await(() -> occupied(facilities) == 3, "f-1 at 3 occupied beds");
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }

        assertThat(occupied(facilities))
                .as("op-1's bed-1 (2) and the intake's bed-2 (1); the forged bed-1 (5) neither counted nor a duplicate")
                .isEqualTo(3);
        assertThat(deadLetters.collected()).singleElement().satisfies(r -> {
            assertThat(r.operatorId()).isEqualTo("op-2");
            assertThat(r.source()).isEqualTo("/operators/op-1");
            assertThat(r.eventId()).isEqualTo("bed-1");
            assertThat(r.reasons())
                    .containsExactly("source: must be /operators/op-2 on topic eldercare.events.op.op-2.v1"
                            + " (docs/CONTRACT.md §6.6)");
        });
        assertThat(rejections.collected()).hasSize(1);
    }

    private long occupied(CollectingSink<FacilityDocument> facilities) {
        List<FacilityDocument> all = facilities.collected();
        return all.isEmpty() ? -1 : all.getLast().occupiedBeds();
    }

    private static CareEvent beds(String id, OffsetDateTime at, int count) {
        return new CareEvent(id, "/operators/op-1", EventType.BED_OCCUPIED, at, new BedsChanged("f-1", count));
    }

    private static ProducerRecord<String, byte[]> event(String topic, CareEvent event) {
        return new ProducerRecord<>(topic, event.partitionKey(), CloudEventJson.write(event));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    KafkaClientSecurity as(String user) {
        return kafka.as(user, PASSWORDS.get(user));
    }

    KafkaProducer<String, byte[]> producer(KafkaClientSecurity security) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(config);
    }

    private KafkaConsumer<byte[], byte[]> consumer(KafkaClientSecurity security) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaConsumer<>(config);
    }

    /** ACLs are applied by the broker from the metadata log shortly after the controller commits them. */
    private static void awaitAclsApplied(Admin admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Set<String> principals = Set.of("User:op-1", "User:op-2", "User:" + API, "User:" + JOB);
        while (System.nanoTime() < deadline) {
            Set<String> seen = new java.util.TreeSet<>();
            admin.describeAcls(AclBindingFilter.ANY)
                    .values()
                    .get(5, TimeUnit.SECONDS)
                    .forEach(b -> seen.add(b.entry().principal()));
            if (seen.containsAll(principals)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("ACLs not applied within 20 s");
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within 90 s: " + what);
            }
            Thread.sleep(200);
        }
    }
}
