package org.eldercare.ingest.publish;

import java.util.List;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.Topics;

/**
 * Publishes accepted care events to {@link Topics#EVENTS} as structured CloudEvent JSON, keyed by
 * {@link CareEvent#partitionKey()} so one facility's events stay in order.
 *
 * <p>{@link #publish} returns only when every event of the batch is durably written; otherwise it
 * throws {@link PublishFailedException} within {@link PublisherConfig#ackTimeout()}, and the API
 * answers 503. Thread-safe.
 */
public final class EventPublisher implements AutoCloseable {

    private final DurableProducer producer;

    public EventPublisher(PublisherConfig config) {
        this(new DurableProducer(config.withClientId(config.clientId() + "-events"), Topics.EVENTS));
    }

    public EventPublisher(DurableProducer producer) {
        this.producer = producer;
    }

    public PublishResult publish(List<CareEvent> events) throws PublishFailedException {
        return producer.send(events.stream()
                .map(e -> new KeyedPayload(TopicRegistry.EVENTS.key(e), CloudEventJson.write(e)))
                .toList());
    }

    /** For callers that already hold the serialised events (for example the bytes as received). */
    public PublishResult publishSerialized(List<KeyedPayload> records) throws PublishFailedException {
        return producer.send(records);
    }

    @Override
    public void close() {
        producer.close();
    }
}
