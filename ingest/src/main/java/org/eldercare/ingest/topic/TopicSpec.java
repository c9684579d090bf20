package org.eldercare.ingest.topic;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eldercare.ingest.config.Setting;

/**
 * One Kafka topic of the platform: its name, what its key is and the one function that builds it, what its value is,
 * and how it is kept (deleted after a retention, or compacted). Every producer takes the key from {@link #key} so one
 * topic never has two key schemes; {@link #newTopic(TopicSettings)} is how it is created, with the partitions,
 * replication and retention of {@link TopicSettings}.
 *
 * <p>Every platform topic has a UTF-8 string key ({@link #KEY_SERIALIZER}) and JSON bytes as value ({@link
 * #VALUE_SERIALIZER}); {@code valueFormat} says which JSON.
 *
 * @param keyRule what the key is, for people (docs/CONTRACT.md §6.9)
 * @param keyOf the key of a record of this topic; {@code R} is what producers hold when they write one
 * @param retention how long records are kept; empty for a compacted topic (the latest record per key is kept)
 * @param <R> what a record of this topic is built from
 */
public record TopicSpec<R>(
        String name,
        String keyRule,
        Function<R, String> keyOf,
        String valueFormat,
        Optional<Setting<Duration>> retention) {

    public static final Class<? extends Serializer<String>> KEY_SERIALIZER = StringSerializer.class;
    public static final Class<? extends Serializer<byte[]>> VALUE_SERIALIZER = ByteArraySerializer.class;

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyOf, name + ": keyOf");
        Objects.requireNonNull(retention, name + ": retention");
    }

    /** A topic whose records are deleted after {@code retention}. */
    static <R> TopicSpec<R> deleting(
            String name, String keyRule, Function<R, String> keyOf, String valueFormat, Setting<Duration> retention) {
        return new TopicSpec<>(name, keyRule, keyOf, valueFormat, Optional.of(retention));
    }

    /** A compacted topic: the latest record per key is kept for good. */
    static <R> TopicSpec<R> compacted(String name, String keyRule, Function<R, String> keyOf, String valueFormat) {
        return new TopicSpec<>(name, keyRule, keyOf, valueFormat, Optional.empty());
    }

    /** The key of {@code record}: the only way a producer of this topic builds one. */
    public String key(R record) {
        return keyOf.apply(record);
    }

    /** {@link #key} as the UTF-8 bytes {@link #KEY_SERIALIZER} would write; null stays null. */
    public byte[] keyBytes(R record) {
        String key = key(record);
        return key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    }

    public boolean compacted() {
        return retention.isEmpty();
    }

    /** The topic-level configs this topic is created with under {@code settings}. */
    public Map<String, String> configs(TopicSettings settings) {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()));
        if (retention.isPresent()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
            configs.put(
                    TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(settings.retention(retention.get()).toMillis()));
        } else {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return configs;
    }

    /** How {@code TopicInitializer} creates it: partitions, replication factor and {@link #configs}. */
    public NewTopic newTopic(TopicSettings settings) {
        return new NewTopic(name, settings.partitions(), settings.replicationFactor()).configs(configs(settings));
    }

    @Override
    public String toString() {
        return name;
    }
}
