package org.eldercare.infra.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.infra.platform.it.CareEvents.batch;
import static org.eldercare.infra.platform.it.CareEvents.event;
import static org.eldercare.infra.platform.it.CareEvents.id;
import static org.eldercare.infra.platform.it.CareEvents.registered;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eldercare.infra.platform.it.SharedPlatform.RunningPlatform;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.ingest.topic.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/CONTRACT.md §6.7 on the whole local platform, with a real (non-demo) HMAC key and keyring on the API: the
 * events topic holds the sealed recipient and no raw ID number or phone, and the hotline still matches the person by
 * ID number, which only works if the launcher handed the API's keys to the job. The {@link SharedPlatform} runs with
 * these keys ({@link SharedPlatform#HMAC_KEY}, {@link SharedPlatform#PII_KEYS}); this class's station is in 大台街道,
 * a street of its own there.
 */
@ExtendWith(SharedPlatform.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PiiKeysIT {

    static final String STREET = "110109004"; // 大台街道, centre 39.975, 115.945
    static final String ID_NUMBER = "110109194103021231";
    static final String PHONE = "13812345678";
    static final String HMAC_KEY = SharedPlatform.HMAC_KEY;
    static final String KEYS = SharedPlatform.PII_KEYS;
    static final String RECORD = id("pii-rec");

    static LocalStack stack;
    static PlatformClient client;

    @BeforeAll
    static void platform(RunningPlatform platform) {
        stack = platform.stack();
        client = platform.client();
    }

    PlatformClient client() {
        return client;
    }

    @Test
    @Order(1)
    void theHotlineMatchesByIdNumberUnderTheApisOwnKey() {
        String started = OffsetDateTime.now(CareEvents.SHANGHAI)
                .minusHours(1)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX"));
        String service =
                event("op-1", id("pii-svc"), "service.delivered", """
                {"recordId":"%s","facilityId":"pii-station","serviceType":"BATHING","startedAt":"%s",
                 "durationMinutes":45,"recipient":{"name":"刘桂兰","idNumber":"%s","phone":"%s"}}""".formatted(RECORD, started, ID_NUMBER, PHONE));
        var sent = client().postBatch(
                        "demo-operator-1",
                        batch(List.of(
                                registered("op-1", "pii-station", "CARE_STATION", STREET, 10, 39.975, 115.945),
                                service)));
        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.body().path("accepted").asInt()).isEqualTo(2);
        client().awaitCaughtUp(Duration.ofSeconds(120));

        // No phone: the ID number agrees only if the job digested it under the API's key.
        var reply = client().awaitOrFail(
                        "a MATCH on the ID number",
                        Duration.ofSeconds(30),
                        () -> client().postJson(
                                        "demo-hotline",
                                        "/api/v1/recipients/match",
                                        "{\"name\":\"刘桂兰\",\"idNumber\":\"" + ID_NUMBER + "\"}"),
                        r -> r.status() == 200 && r.body().path("candidates").size() > 0);
        JsonNode best = reply.body().path("candidates").get(0);
        assertThat(best.path("decision").asText()).isEqualTo("MATCH");
        assertThat(best.path("matchedOn").toString()).contains("idNumber");
        assertThat(best.path("idNumberMasked").asText()).isEqualTo("110109********1231");
    }

    @Test
    @Order(2)
    void theEventsTopicHoldsTheSealedRecipientAndNoRawIdentifier() {
        List<String> records = recordsContaining(Topics.EVENTS, RECORD);

        assertThat(records).hasSize(1);
        assertThat(records.getFirst())
                .contains("\"sealed\":\"it1:")
                .contains("110109********1231")
                .doesNotContain(ID_NUMBER)
                .doesNotContain(PHONE)
                .doesNotContain("刘桂兰");
    }

    @Test
    @Order(3)
    void theJobsKeysAreFilesOnlyTheOwnerMayRead() throws Exception {
        Path secrets = stack.config().flinkDir().resolve("secrets");
        for (String name : List.of("pii-hmac-key", "pii-keys")) {
            Path file = secrets.resolve(name);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(secrets.resolve("pii-hmac-key"))).isEqualTo(HMAC_KEY);
        assertThat(Files.readString(secrets.resolve("pii-keys"))).isEqualTo(KEYS);
    }

    private List<String> recordsContaining(String topic, String text) {
        List<String> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of(
                "bootstrap.servers", stack.kafkaBootstrapServers(),
                "key.deserializer", ByteArrayDeserializer.class,
                "value.deserializer", ByteArrayDeserializer.class))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    String value = new String(record.value(), StandardCharsets.UTF_8);
                    if (value.contains(text)) {
                        found.add(value);
                    }
                }
            }
        }
        return found;
    }
}
