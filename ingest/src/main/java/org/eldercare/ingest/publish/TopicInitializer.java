package org.eldercare.ingest.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.TopicSettings;
import org.eldercare.ingest.topic.TopicSpec;

/**
 * Creates the platform's topics ({@link TopicRegistry#ALL}) when they are missing and leaves existing ones alone
 * (their partitions and configs are not changed): each as {@link TopicSpec#newTopic(TopicSettings)} says, so with the
 * partitions, replication factor, {@code min.insync.replicas}, cleanup policy and retention of {@link TopicSettings}.
 * The defaults suit the one-node local stack; a cluster sets {@code eldercare.kafka.topics.*}.
 */
public final class TopicInitializer {

    private final Admin admin;
    private final TopicSettings settings;
    private final Duration timeout;

    /** With {@link TopicSettings#defaults()}. */
    public TopicInitializer(Admin admin, Duration timeout) {
        this(admin, TopicSettings.defaults(), timeout);
    }

    public TopicInitializer(Admin admin, TopicSettings settings, Duration timeout) {
        this.admin = admin;
        this.settings = settings;
        this.timeout = timeout;
    }

    /** Connects, creates what is missing with the default {@link TopicSettings}, disconnects; returns what it created. */
    public static Set<String> ensureTopics(String bootstrapServers, Duration timeout) {
        return ensureTopics(bootstrapServers, TopicSettings.defaults(), timeout);
    }

    /** Connects, creates what is missing, disconnects. Returns the names it created. */
    public static Set<String> ensureTopics(String bootstrapServers, TopicSettings settings, Duration timeout) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) timeout.toMillis()))) {
            return new TopicInitializer(admin, settings, timeout).createMissing();
        }
    }

    /** The topics the platform needs, as created with the default {@link TopicSettings}. */
    public static List<NewTopic> platformTopics() {
        return platformTopics(TopicSettings.defaults());
    }

    /** The topics the platform needs, as created with {@code settings}. */
    public static List<NewTopic> platformTopics(TopicSettings settings) {
        return TopicRegistry.ALL.stream().map(t -> t.newTopic(settings)).toList();
    }

    public Set<String> createMissing() {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = platformTopics(settings).stream()
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
