package org.eldercare.ingest.publish;

import java.time.Duration;
import java.util.HashMap;
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
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.topic.TopicSettings;
import org.eldercare.ingest.topic.TopicSpec;

/**
 * Creates the platform's topics ({@link TopicRegistry#ALL}) when they are missing and leaves existing ones alone
 * (their partitions and configs are not changed): each as {@link TopicSpec#newTopic(TopicSettings)} says, so with the
 * partitions, replication factor, {@code min.insync.replicas}, cleanup policy and retention of {@link TopicSettings}.
 * The defaults suit the one-node local stack; a cluster sets {@code eldercare.kafka.topics.*}. An operator's own
 * topic ({@link TopicRegistry#OPERATOR_EVENTS}) is created on demand by {@link #ensureOperatorTopic}. The admin
 * authenticates as the caller's {@link KafkaClientSecurity} says.
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

    /** Connects without security, creates what is missing with the default {@link TopicSettings}, disconnects. */
    public static Set<String> ensureTopics(String bootstrapServers, Duration timeout) {
        return ensureTopics(bootstrapServers, KafkaClientSecurity.plaintext(), TopicSettings.defaults(), timeout);
    }

    /** Connects without security, creates what is missing, disconnects. Returns the names it created. */
    public static Set<String> ensureTopics(String bootstrapServers, TopicSettings settings, Duration timeout) {
        return ensureTopics(bootstrapServers, KafkaClientSecurity.plaintext(), settings, timeout);
    }

    /** Connects as {@code security} says, creates what is missing with the default {@link TopicSettings}. */
    public static Set<String> ensureTopics(String bootstrapServers, KafkaClientSecurity security, Duration timeout) {
        return ensureTopics(bootstrapServers, security, TopicSettings.defaults(), timeout);
    }

    /** Connects as {@code security} says, creates what is missing, disconnects. Returns the names it created. */
    public static Set<String> ensureTopics(
            String bootstrapServers, KafkaClientSecurity security, TopicSettings settings, Duration timeout) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(config)) {
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

    /**
     * Creates the topic of {@code operatorId} ({@link TopicRegistry#OPERATOR_EVENTS}, docs/CONTRACT.md §6.6) when it
     * is missing, with these settings: keyed and kept as the events topic. Returns its name.
     *
     * @throws IllegalArgumentException naming {@code operatorId} when it cannot name a topic
     */
    public String ensureOperatorTopic(String operatorId) {
        NewTopic topic = TopicRegistry.OPERATOR_EVENTS.newTopic(operatorId, settings);
        create(List.of(topic));
        return topic.name();
    }

    public Set<String> createMissing() {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return create(platformTopics(settings).stream()
                    .filter(t -> !existing.contains(t.name()))
                    .toList());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not list Kafka topics within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing Kafka topics", e);
        }
    }

    /** Creates {@code missing}; one that another process created meanwhile counts as there. Returns what it made. */
    private Set<String> create(List<NewTopic> missing) {
        try {
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
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not create Kafka topics within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        }
    }
}
