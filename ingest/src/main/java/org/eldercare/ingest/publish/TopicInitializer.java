package org.eldercare.ingest.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.topic.Topics;

/**
 * Creates the platform's topics when they are missing and leaves existing ones alone: {@link
 * Topics#EVENTS} and {@link Topics#DEAD_LETTERS} with {@link Topics#DEFAULT_PARTITIONS} partitions,
 * and {@link Topics#INDICATORS} compacted. The replication factor is the broker's default, so the
 * same code serves a one-node local stack and a cluster.
 */
public final class TopicInitializer {

    private final Admin admin;
    private final Duration timeout;

    public TopicInitializer(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** Connects without security, creates what is missing, disconnects. Returns the names it created. */
    public static Set<String> ensureTopics(String bootstrapServers, Duration timeout) {
        return ensureTopics(bootstrapServers, KafkaClientSecurity.plaintext(), timeout);
    }

    /** Connects as {@code security} says, creates what is missing, disconnects. Returns the names it created. */
    public static Set<String> ensureTopics(String bootstrapServers, KafkaClientSecurity security, Duration timeout) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
            return new TopicInitializer(admin, timeout).createMissing();
        }
    }

    /** The topics the platform needs, with their settings. */
    public static List<NewTopic> platformTopics() {
        Optional<Integer> partitions = Optional.of(Topics.DEFAULT_PARTITIONS);
        return List.of(
                new NewTopic(Topics.EVENTS, partitions, Optional.empty()),
                new NewTopic(Topics.DEAD_LETTERS, partitions, Optional.empty()),
                new NewTopic(Topics.INDICATORS, partitions, Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    public Set<String> createMissing() {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = platformTopics().stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList();
            Set<String> created = new TreeSet<>();
            var results = admin.createTopics(missing).values();
            for (var entry : results.entrySet()) {
                try {
                    entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    // Another process created it between our list and our create: that is fine.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("could not create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not list or create Kafka topics within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }
}
