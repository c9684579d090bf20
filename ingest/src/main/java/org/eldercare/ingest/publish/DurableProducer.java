package org.eldercare.ingest.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes batches of records to one topic and returns only when all of them are acknowledged
 * ({@code acks=all}, idempotent producer), or throws {@link PublishFailedException} within the
 * configured ack timeout. Thread-safe: concurrent batches share one producer, which batches them
 * together on the wire.
 */
public final class DurableProducer implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration ackTimeout;

    public DurableProducer(PublisherConfig config, String topic) {
        this(new KafkaProducer<>(config.producerProperties()), topic, config.ackTimeout());
    }

    /** For tests and for callers that manage the producer themselves; the producer is closed with this. */
    public DurableProducer(Producer<String, byte[]> producer, String topic, Duration ackTimeout) {
        this.producer = producer;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    public PublishResult send(List<KeyedPayload> records) throws PublishFailedException {
        long started = System.nanoTime();
        long deadline = started + ackTimeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (KeyedPayload record : records) {
            Future<RecordMetadata> ack;
            try {
                ack = producer.send(new ProducerRecord<>(topic, record.key(), record.value()));
            } catch (RuntimeException e) {
                // Buffer full past max.block.ms, or the producer is closed.
                throw new PublishFailedException(
                        "could not hand records to Kafka topic " + topic, 0, records.size(), e);
            }
            acks.add(ack);
            // Without this, each send of a batch could block for max.block.ms while Kafka is away.
            if (System.nanoTime() > deadline || failedAlready(ack)) {
                break;
            }
        }
        int acknowledged = 0;
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (TimeoutException e) {
                throw new PublishFailedException(
                        "Kafka topic " + topic + " did not acknowledge within " + ackTimeout,
                        acknowledged,
                        records.size(),
                        e);
            } catch (ExecutionException e) {
                throw new PublishFailedException(
                        "Kafka refused a record for topic " + topic, acknowledged, records.size(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishFailedException(
                        "interrupted while waiting for Kafka", acknowledged, records.size(), e);
            }
        }
        if (acknowledged < records.size()) {
            throw new PublishFailedException(
                    "Kafka topic " + topic + " did not take the batch within " + ackTimeout,
                    acknowledged,
                    records.size(),
                    null);
        }
        return new PublishResult(acknowledged, Duration.ofNanos(System.nanoTime() - started));
    }

    private static boolean failedAlready(Future<RecordMetadata> ack) {
        return ack.isDone() && ack.state() == Future.State.FAILED;
    }

    @Override
    public void close() {
        producer.close(ackTimeout);
    }
}
