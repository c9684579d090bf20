package org.eldercare.streaming.kafka;

import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eldercare.ingest.deadletter.DeadLetterCodec;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.Topics;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;

/**
 * The job's Kafka ends. The source reads {@link TopicRegistry#EVENT_TOPICS} (the shared {@link TopicRegistry#EVENTS}
 * and every operator's own topic, {@link TopicRegistry#OPERATOR_EVENTS}, docs/CONTRACT.md §6.6, new ones found by partition discovery) read_committed from the
 * committed offsets of the group (earliest when it has none); on a restore the checkpointed offsets win. Each record
 * carries the operator of its topic ({@link RawEvent}). The sinks are EXACTLY_ONCE: their records become visible to
 * read_committed readers when the checkpoint completes, each sink under its own transactional-id prefix. Every
 * source and sink authenticates as {@link Connection#security()} says.
 */
public final class KafkaEndpoints {

    /**
     * Where and as whom the job's Kafka sources and sinks connect: the job's settings as this package needs them, so
     * that it does not depend on the job's configuration class (and the package graph stays acyclic).
     */
    public record Connection(
            String bootstrap, String groupId, String transactionalIdPrefix, KafkaClientSecurity security) {}

    /** Must exceed the checkpoint interval plus recovery time, and stay under the broker's maximum. */
    private static final String TRANSACTION_TIMEOUT_MS = "900000";

    private KafkaEndpoints() {}

    public static KafkaSource<RawEvent> events(Connection config) {
        return KafkaSource.<RawEvent>builder()
                .setProperties(config.security().asProperties())
                .setBootstrapServers(config.bootstrap())
                .setTopicPattern(TopicRegistry.EVENT_TOPICS)
                .setGroupId(config.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawEventValues())
                .setProperty("isolation.level", "read_committed")
                // Also how soon a new operator's topic is read.
                .setProperty("partition.discovery.interval.ms", "60000")
                .build();
    }

    /**
     * The dead-letter topic read back, so that rejections from the API's intake and from this job
     * alike reach the {@code rejections} index that operators page through. Its own consumer group,
     * so its progress never counts as the event pipeline's.
     */
    public static KafkaSource<byte[]> deadLetterRecords(Connection config) {
        return KafkaSource.<byte[]>builder()
                .setProperties(config.security().asProperties())
                .setBootstrapServers(config.bootstrap())
                .setTopics(Topics.DEAD_LETTERS)
                .setGroupId(config.groupId() + "-dead-letters")
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RecordValues())
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    /**
     * Dead letters as the JSON of {@link DeadLetterCodec}, keyed as {@link TopicRegistry#DEAD_LETTERS} says: the same
     * key the API's {@code DeadLetterPublisher} writes for the same rejection.
     */
    public static KafkaSink<Rejection> deadLetters(Connection config) {
        return exactlyOnce(config, deadLetterRecords(), "dead-letters");
    }

    /** The records of {@link #deadLetters}: key and value of one rejection. */
    static KafkaRecordSerializationSchema<Rejection> deadLetterRecords() {
        return (rejection, context, timestamp) -> new ProducerRecord<>(
                TopicRegistry.DEAD_LETTERS.name(),
                TopicRegistry.DEAD_LETTERS.keyBytes(rejection),
                DeadLetterCodec.write(rejection));
    }

    /** Indicators on the compacted topic, keyed by scope code, as the same JSON as the index. */
    public static KafkaSink<IndicatorDocument> indicators(Connection config) {
        return exactlyOnce(config, new IndicatorRecords(), "indicators");
    }

    /**
     * Every incident transition on {@link TopicRegistry#INCIDENTS} (docs/CONTRACT.md §9.5), keyed by incident id, as
     * the transition record's JSON; exactly once, like the other sinks.
     */
    public static KafkaSink<IncidentTransitionRecord> incidentTransitions(Connection config) {
        return exactlyOnce(config, incidentTransitionRecords(), "incidents");
    }

    /** The records of {@link #incidentTransitions}: key and value of one transition. */
    static KafkaRecordSerializationSchema<IncidentTransitionRecord> incidentTransitionRecords() {
        return (transition, context, timestamp) -> new ProducerRecord<>(
                TopicRegistry.INCIDENTS.name(),
                TopicRegistry.INCIDENTS.keyBytes(transition.incidentId()),
                transition.toJson());
    }

    private static <T> KafkaSink<T> exactlyOnce(
            Connection config, KafkaRecordSerializationSchema<T> schema, String sinkName) {
        Properties producer = config.security().asProperties();
        producer.setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS);
        producer.setProperty("compression.type", "lz4");
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.bootstrap())
                .setRecordSerializer(schema)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(config.transactionalIdPrefix() + "-" + sinkName)
                .setKafkaProducerConfig(producer)
                .build();
    }
}
