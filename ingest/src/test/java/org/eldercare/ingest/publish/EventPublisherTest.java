package org.eldercare.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.topic.Topics;
import org.junit.jupiter.api.Test;

/** Publishing semantics against Kafka's MockProducer; the real broker is exercised by the infra ITs. */
class EventPublisherTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-22T12:00:00+08:00");

    @Test
    void succeedsWhenEveryRecordIsAcknowledgedAndKeysByFacility() throws Exception {
        MockProducer<String, byte[]> kafka = mockKafka(true);
        try (EventPublisher publisher = publisher(kafka, Duration.ofSeconds(5))) {
            PublishResult result =
                    publisher.publish(List.of(bedOccupied("e-1", "dx-st-001"), bedOccupied("e-2", "dx-st-002")));

            assertThat(result.acknowledged()).isEqualTo(2);
        }
        assertThat(kafka.history()).extracting(ProducerRecord::topic).containsOnly(Topics.EVENTS);
        assertThat(kafka.history()).extracting(ProducerRecord::key).containsExactly("dx-st-001", "dx-st-002");
    }

    @Test
    void failsTheBatchWhenOneRecordIsRefused() throws Exception {
        MockProducer<String, byte[]> kafka = mockKafka(false);
        EventPublisher publisher = publisher(kafka, Duration.ofSeconds(5));
        CompletableFuture<PublishResult> call = CompletableFuture.supplyAsync(() ->
                publishQuietly(publisher, List.of(bedOccupied("e-1", "dx-st-001"), bedOccupied("e-2", "dx-st-001"))));
        awaitSent(kafka, 2);
        kafka.completeNext();
        kafka.errorNext(new NotEnoughReplicasException("in-sync replicas below min.insync.replicas"));

        assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                .hasStackTraceContaining(PublishFailedException.class.getName())
                .hasStackTraceContaining("1 of 2 records acknowledged")
                .hasRootCauseInstanceOf(NotEnoughReplicasException.class);
    }

    @Test
    void failsWithinTheAckTimeoutWhenKafkaStaysSilent() {
        EventPublisher publisher = publisher(mockKafka(false), Duration.ofMillis(200));

        assertThatThrownBy(() -> publisher.publish(List.of(bedOccupied("e-1", "dx-st-001"))))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("did not acknowledge within PT0.2S")
                .hasMessageContaining("0 of 1 records acknowledged");
    }

    @Test
    void configuresAnIdempotentAcksAllProducer() {
        var properties = PublisherConfig.defaults("127.0.0.1:9092").producerProperties();

        assertThat(properties)
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5);
    }

    @Test
    void refusesADeliveryTimeoutShorterThanLingerPlusRequestTimeout() {
        assertThatThrownBy(() -> PublisherConfig.fromProperties(key -> switch (key) {
                    case "eldercare.kafka.delivery-timeout" -> "PT1S";
                    default -> null;
                }))
                .hasMessageStartingWith("eldercare.kafka.delivery-timeout: must be at least");
    }

    private static PublishResult publishQuietly(EventPublisher publisher, List<CareEvent> events) {
        try {
            return publisher.publish(events);
        } catch (PublishFailedException e) {
            throw new CompletionException(e);
        }
    }

    private static void awaitSent(MockProducer<String, byte[]> kafka, int records) throws InterruptedException {
        for (int i = 0; i < 500 && kafka.history().size() < records; i++) {
            Thread.sleep(10);
        }
    }

    private static MockProducer<String, byte[]> mockKafka(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new StringSerializer(), new ByteArraySerializer());
    }

    private static EventPublisher publisher(MockProducer<String, byte[]> kafka, Duration ackTimeout) {
        return new EventPublisher(new DurableProducer(kafka, Topics.EVENTS, ackTimeout));
    }

    private static CareEvent bedOccupied(String id, String facilityId) {
        return new CareEvent(id, "/operators/op-1", EventType.BED_OCCUPIED, NOON, new BedsChanged(facilityId, 1));
    }
}
