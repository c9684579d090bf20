package org.eldercare.api.incident;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Reads {@code eldercare.incidents.v1} (docs/CONTRACT.md §9.5, §9.7) on its own thread and hands each record to the
 * {@link IncidentBroadcaster}: every partition by assignment from its end at start, without a consumer group, so every
 * API replica pushes every change to its own streams and a restart has nothing to catch up (a reconnecting console
 * gets the open incidents).
 *
 * <p>By default {@code read_uncommitted}: the job commits the topic at its checkpoints (seconds apart), and an SOS
 * should not wait for one. A record is only a cue to read the incident's document, which a replay writes the same, so
 * a record of a transaction the job later aborts makes the API read a document again and nothing more.
 */
class IncidentFeed implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentFeed.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String bootstrapServers;
    private final KafkaClientSecurity security;
    private final IncidentBroadcaster broadcaster;
    private final String isolation;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    IncidentFeed(
            String bootstrapServers, KafkaClientSecurity security, IncidentBroadcaster broadcaster, String isolation) {
        this.isolation = isolation;
        this.bootstrapServers = bootstrapServers;
        this.security = security;
        this.broadcaster = broadcaster;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "incident-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config())) {
                consumer = c;
                if (!assign(c)) {
                    pause();
                    continue;
                }
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : c.poll(POLL)) {
                        handle(record);
                    }
                    broadcaster.topicRecovered();
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                broadcaster.topicFailed(e.getMessage());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    /** Every partition of the topic, from its end; false while the topic does not exist yet. */
    private boolean assign(KafkaConsumer<byte[], byte[]> c) {
        List<PartitionInfo> partitions = c.partitionsFor(TopicRegistry.INCIDENTS.name(), Duration.ofSeconds(10));
        if (partitions == null || partitions.isEmpty()) {
            return false;
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        c.assign(assigned);
        c.seekToEnd(assigned);
        assigned.forEach(c::position); // fixes the start now, so nothing committed after this is missed
        LOG.info("incident stream: reading {} partitions of {}", assigned.size(), TopicRegistry.INCIDENTS.name());
        return true;
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        IncidentTransitionRecord transition;
        try {
            transition = IncidentTransitionRecord.fromJson(record.value());
        } catch (IllegalArgumentException unreadable) {
            // The topic is the job's; a record that is not one of ours is skipped, not retried forever.
            LOG.warn(
                    "incident stream: skipped an unreadable record at {}-{}@{}",
                    record.topic(),
                    record.partition(),
                    record.offset());
            return;
        }
        broadcaster.arrived(transition);
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "eldercare-incident-stream");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
