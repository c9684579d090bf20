package org.eldercare.benchmark.streaming;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.publish.PublisherConfig;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.Topics;

/**
 * Writes care events to {@code eldercare.events.v1} as the intake does (structured CloudEvent JSON keyed by the
 * facility, idempotent acks=all lz4), asynchronously; {@link #flush()} waits for every acknowledgement and fails
 * if any record was refused, so a benchmark never runs on a topic with holes.
 */
final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicLong failed = new AtomicLong();

    EventProducer(String bootstrapServers) {
        Map<String, Object> properties = PublisherConfig.defaults(bootstrapServers)
                .withClientId("benchmark-filler")
                .producerProperties();
        // Filling millions of events ahead of a run: generous timeouts, the run itself does not wait on them.
        properties.put("delivery.timeout.ms", 120_000);
        properties.put("request.timeout.ms", 30_000);
        properties.put("max.block.ms", 60_000);
        this.producer = new KafkaProducer<>(properties);
    }

    void send(CareEvent event) {
        producer.send(
                new ProducerRecord<>(Topics.EVENTS, TopicRegistry.EVENTS.key(event), CloudEventJson.write(event)),
                (m, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
    }

    void flush() {
        producer.flush();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " events were not written to " + Topics.EVENTS);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
