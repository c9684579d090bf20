package org.eldercare.ingest.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.topic.TopicSpec;

/**
 * How the platform's producers reach Kafka and how long a caller waits for acknowledgements. Every
 * setting is a {@link Setting} constant here (key, default, description, rules; all in {@link #SETTINGS});
 * {@link #from(Settings)} reads them from any source, {@link #fromProperties(Function)} from a lookup (system
 * properties, a Spring {@code Environment}). Blank values mean the default.
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

    /** Where {@link #from} reads the {@link KafkaClientSecurity} settings ({@link KafkaClientSecurity#API}). */
    public static final String SECURITY_PREFIX = KafkaClientSecurity.API.prefix();

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.text(
                    "eldercare.kafka.bootstrap-servers", "127.0.0.1:9092", "Kafka brokers, host:port[,host:port]")
            .rule(s -> !s.isBlank(), "must not be blank");
    public static final Setting<String> CLIENT_ID =
            Setting.text("eldercare.kafka.client-id", "eldercare-ingest", "Producer client id, shown in broker logs");
    public static final Setting<Duration> ACK_TIMEOUT = Setting.duration(
            "eldercare.kafka.ack-timeout", "PT10S", "Longest a publish call waits for every acknowledgement");
    public static final Setting<Duration> DELIVERY_TIMEOUT = Setting.duration(
            "eldercare.kafka.delivery-timeout", "PT9S", "Producer delivery.timeout.ms: give up on a record after this");
    public static final Setting<Duration> REQUEST_TIMEOUT = Setting.duration(
            "eldercare.kafka.request-timeout", "PT4S", "Producer request.timeout.ms for one produce request");
    public static final Setting<Duration> MAX_BLOCK = Setting.duration(
            "eldercare.kafka.max-block", "PT5S", "Producer max.block.ms: longest send() blocks for metadata");
    public static final Setting<Duration> LINGER = Setting.duration(
            "eldercare.kafka.linger", "PT0.005S", "Producer linger.ms: wait this long to fill a batch");
    public static final Setting<Integer> BATCH_SIZE =
            Setting.integer("eldercare.kafka.batch-size", "131072", "Producer batch.size in bytes per partition");
    public static final Setting<Long> BUFFER_MEMORY =
            Setting.longInteger("eldercare.kafka.buffer-memory", "67108864", "Producer buffer.memory in bytes");
    public static final Setting<String> COMPRESSION =
            Setting.text("eldercare.kafka.compression", "lz4", "Producer compression.type");

    /** Every setting, in the order the README lists them. */
    public static final List<Setting<?>> SETTINGS = List.of(
            BOOTSTRAP_SERVERS,
            CLIENT_ID,
            ACK_TIMEOUT,
            DELIVERY_TIMEOUT,
            REQUEST_TIMEOUT,
            MAX_BLOCK,
            LINGER,
            BATCH_SIZE,
            BUFFER_MEMORY,
            COMPRESSION);

    /** {@link #SETTINGS} and the security settings {@code eldercare.kafka.security.*}. */
    public static final List<Setting<?>> ALL_SETTINGS = Stream.concat(
                    SETTINGS.stream(), KafkaClientSecurity.API.all().stream())
            .toList();

    public PublisherConfig {
        security = security == null ? KafkaClientSecurity.plaintext() : security;
        BOOTSTRAP_SERVERS.check(bootstrapServers == null ? "" : bootstrapServers);
        if (deliveryTimeout.compareTo(linger.plus(requestTimeout)) < 0) {
            throw new IllegalArgumentException(
                    DELIVERY_TIMEOUT.key() + ": must be at least linger + request-timeout (Kafka's rule)");
        }
    }

    /** All defaults, with these brokers. */
    public static PublisherConfig defaults(String bootstrapServers) {
        return from(Settings.of(Map.of(BOOTSTRAP_SERVERS.key(), bootstrapServers)));
    }

    /** Reads each key's property; a null or blank answer means the default. */
    public static PublisherConfig fromProperties(Function<String, String> properties) {
        return from(Settings.from(properties));
    }

    /** Reads every setting of {@link #ALL_SETTINGS} from {@code settings}; a blank value means the default. */
    public static PublisherConfig from(Settings settings) {
        Settings s = settings.blankAsUnset();
        return new PublisherConfig(
                s.get(BOOTSTRAP_SERVERS),
                s.get(CLIENT_ID),
                s.get(ACK_TIMEOUT),
                s.get(DELIVERY_TIMEOUT),
                s.get(REQUEST_TIMEOUT),
                s.get(MAX_BLOCK),
                s.get(LINGER),
                s.get(BATCH_SIZE),
                s.get(BUFFER_MEMORY),
                s.get(COMPRESSION),
                KafkaClientSecurity.from(KafkaClientSecurity.API, settings, SECURITY_PREFIX));
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
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, TopicSpec.KEY_SERIALIZER);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, TopicSpec.VALUE_SERIALIZER);
        return p;
    }
}
