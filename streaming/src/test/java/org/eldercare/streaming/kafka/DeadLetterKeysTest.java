package org.eldercare.streaming.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.publish.DeadLetterPublisher;
import org.eldercare.ingest.publish.DurableProducer;
import org.eldercare.ingest.topic.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One topic, one key scheme: the API's {@link DeadLetterPublisher} and the job's {@link KafkaEndpoints#deadLetters}
 * write the same key for the same rejection (issue #13: the job used to key a rejection without an operator id by its
 * full source, {@code /operators/op-1}, where the API used {@code op-1}).
 */
class DeadLetterKeysTest {

    @ParameterizedTest(name = "operator {0}, source {1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "op-1, /operators/op-1, op-1",
                "op-2, /operators/op-1, op-2", // filed under the verified operator, whatever the source claimed
                "null, /operators/op-1, op-1", // a stream rejection that knows only the source
                "null, /planners/district-110109, /planners/district-110109",
                "null, null, null"
            })
    void theApiAndTheJobKeyARejectionAlike(String operatorId, String source, String expectedKey) throws Exception {
        Rejection rejection = new Rejection(
                "e-1",
                source,
                operatorId,
                "bed.occupied",
                List.of("data.count: must be between 1 and 500"),
                Rejection.STREAM,
                OffsetDateTime.parse("2026-11-22T12:00:00+08:00"),
                "{}");

        String apiKey = keyWrittenByTheApi(rejection);
        String jobKey = keyWrittenByTheJob(rejection);

        assertThat(jobKey).isEqualTo(apiKey).isEqualTo(expectedKey);
    }

    private static String keyWrittenByTheApi(Rejection rejection) throws Exception {
        MockProducer<String, byte[]> kafka =
                new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        try (DeadLetterPublisher publisher =
                new DeadLetterPublisher(new DurableProducer(kafka, Topics.DEAD_LETTERS, Duration.ofSeconds(5)))) {
            publisher.publish(List.of(rejection));
        }
        assertThat(kafka.history())
                .singleElement()
                .satisfies(r -> assertThat(r.topic()).isEqualTo(Topics.DEAD_LETTERS));
        return kafka.history().getFirst().key();
    }

    private static String keyWrittenByTheJob(Rejection rejection) {
        ProducerRecord<byte[], byte[]> record =
                KafkaEndpoints.deadLetterRecords().serialize(rejection, null, null);
        assertThat(record.topic()).isEqualTo(Topics.DEAD_LETTERS);
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }
}
