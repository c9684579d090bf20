package org.eldercare.ingest.publish;

import java.util.List;
import org.eldercare.ingest.deadletter.DeadLetterCodec;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.Topics;

/**
 * Writes rejections to {@link Topics#DEAD_LETTERS} as {@link DeadLetterCodec} JSON, keyed by
 * {@link TopicRegistry#DEAD_LETTERS}' key (the operator id; the source for a planner's or an anonymous event), with
 * the same durability as
 * accepted events: returns when all are acknowledged, or throws {@link PublishFailedException}.
 * Thread-safe.
 */
public final class DeadLetterPublisher implements AutoCloseable {

    private final DurableProducer producer;

    public DeadLetterPublisher(PublisherConfig config) {
        this(new DurableProducer(config.withClientId(config.clientId() + "-dead-letters"), Topics.DEAD_LETTERS));
    }

    public DeadLetterPublisher(DurableProducer producer) {
        this.producer = producer;
    }

    public PublishResult publish(List<Rejection> rejections) throws PublishFailedException {
        return producer.send(rejections.stream()
                .map(r -> new KeyedPayload(TopicRegistry.DEAD_LETTERS.key(r), DeadLetterCodec.write(r)))
                .toList());
    }

    @Override
    public void close() {
        producer.close();
    }
}
