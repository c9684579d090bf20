package org.eldercare.ingest.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eldercare.ingest.kafka.KafkaClientSecurity;

/**
 * How the platform's producers reach Kafka and how long a caller waits for acknowledgements. Every
 * setting has a property key, a default and a description in {@link Key}; {@link #fromProperties(Function)}
 * reads them from any property source (system properties, a Spring {@code Environment}).
 *
 * <p>The durability settings are not configurable: idempotence and {@code acks=all} are what make
 * "accepted" in docs/CONTRACT.md §1 mean "written durably".
 *
 * <p>{@code security} is how the producers authenticate and encrypt, read from {@code eldercare.kafka.security.*}
 * (docs/CONTRACT.md §6.6); {@code PLAINTEXT} unless set.
 */
public record PublisherConfig(
        String bootstrapServers,
        String clientId,
        Duration ackTimeout,
        Duration deliveryTimeout,
        Duration requestTimeout,
        Duration maxBlock,
        Duration linger,
        int batchSizeBytes,
        long bufferMemoryBytes,
        String compression,
        KafkaClientSecurity security) {

    /** Where {@link #fromProperties} reads the {@link KafkaClientSecurity} settings. */
    public static final String SECURITY_PREFIX = "eldercare.kafka.security.";

    /** The settings, each with its property key, default and meaning. */
    public enum Key {
        BOOTSTRAP_SERVERS(
                "eldercare.kafka.bootstrap-servers", "127.0.0.1:9092", "Kafka brokers, host:port[,host:port]"),
        CLIENT_ID("eldercare.kafka.client-id", "eldercare-ingest", "Producer client id, shown in broker logs"),
        ACK_TIMEOUT("eldercare.kafka.ack-timeout", "PT10S", "Longest a publish call waits for every acknowledgement"),
        DELIVERY_TIMEOUT(
                "eldercare.kafka.delivery-timeout",
                "PT9S",
                "Producer delivery.timeout.ms: give up on a record after this"),
        REQUEST_TIMEOUT(
                "eldercare.kafka.request-timeout", "PT4S", "Producer request.timeout.ms for one produce request"),
        MAX_BLOCK("eldercare.kafka.max-block", "PT5S", "Producer max.block.ms: longest send() blocks for metadata"),
        LINGER("eldercare.kafka.linger", "PT0.005S", "Producer linger.ms: wait this long to fill a batch"),
        BATCH_SIZE("eldercare.kafka.batch-size", "131072", "Producer batch.size in bytes per partition"),
        BUFFER_MEMORY("eldercare.kafka.buffer-memory", "67108864", "Producer buffer.memory in bytes"),
        COMPRESSION("eldercare.kafka.compression", "lz4", "Producer compression.type");

        private final String property;
        private final String defaultValue;
        private final String description;

        Key(String property, String defaultValue, String description) {
            this.property = property;
            this.defaultValue = defaultValue;
            this.description = description;
        }

        public String property() {
            return property;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public String description() {
            return description;
        }
    }

    public PublisherConfig {
        security = security == null ? KafkaClientSecurity.plaintext() : security;
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(Key.BOOTSTRAP_SERVERS.property + ": must not be blank");
        }
        if (deliveryTimeout.compareTo(linger.plus(requestTimeout)) < 0) {
            throw new IllegalArgumentException(
                    Key.DELIVERY_TIMEOUT.property + ": must be at least linger + request-timeout (Kafka's rule)");
        }
    }

    /** All defaults, with these brokers. */
    public static PublisherConfig defaults(String bootstrapServers) {
        return from(key -> key == Key.BOOTSTRAP_SERVERS ? bootstrapServers : null);
    }

    /** Reads each key's property; a null answer means the default. */
    public static PublisherConfig fromProperties(Function<String, String> properties) {
        return from(key -> properties.apply(key.property))
                .withSecurity(KafkaClientSecurity.from(SECURITY_PREFIX, properties));
    }

    static PublisherConfig from(Function<Key, String> values) {
        Function<Key, String> value = key -> {
            String v = values.apply(key);
            return v == null || v.isBlank() ? key.defaultValue : v.trim();
        };
        return new PublisherConfig(
                value.apply(Key.BOOTSTRAP_SERVERS),
                value.apply(Key.CLIENT_ID),
                Duration.parse(value.apply(Key.ACK_TIMEOUT)),
                Duration.parse(value.apply(Key.DELIVERY_TIMEOUT)),
                Duration.parse(value.apply(Key.REQUEST_TIMEOUT)),
                Duration.parse(value.apply(Key.MAX_BLOCK)),
                Duration.parse(value.apply(Key.LINGER)),
                Integer.parseInt(value.apply(Key.BATCH_SIZE)),
                Long.parseLong(value.apply(Key.BUFFER_MEMORY)),
                value.apply(Key.COMPRESSION),
                KafkaClientSecurity.plaintext());
    }

    /** A copy with another client id, so event and dead-letter producers show apart. */
    public PublisherConfig withClientId(String id) {
        return new PublisherConfig(
                bootstrapServers,
                id,
                ackTimeout,
                deliveryTimeout,
                requestTimeout,
                maxBlock,
                linger,
                batchSizeBytes,
                bufferMemoryBytes,
                compression,
                security);
    }

    /** A copy that authenticates and encrypts as {@code value} says. */
    public PublisherConfig withSecurity(KafkaClientSecurity value) {
        return new PublisherConfig(
                bootstrapServers,
                clientId,
                ackTimeout,
                deliveryTimeout,
                requestTimeout,
                maxBlock,
                linger,
                batchSizeBytes,
                bufferMemoryBytes,
                compression,
                value);
    }

    /** The KafkaProducer properties: idempotent, acks=all, with this config's timeouts, batching and security. */
    public Map<String, Object> producerProperties() {
        Map<String, Object> p = new HashMap<>(security.clientProperties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSizeBytes);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, bufferMemoryBytes);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }
}
