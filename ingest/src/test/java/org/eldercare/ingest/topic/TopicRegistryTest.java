package org.eldercare.ingest.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.eldercare.ingest.publish.TopicInitializer;
import org.junit.jupiter.api.Test;

class TopicRegistryTest {

    @Test
    void topicNamesComeFromTheRegistry() {
        assertThat(Topics.EVENTS).isEqualTo(TopicRegistry.EVENTS.name()).isEqualTo("eldercare.events.v1");
        assertThat(Topics.DEAD_LETTERS)
                .isEqualTo(TopicRegistry.DEAD_LETTERS.name())
                .isEqualTo("eldercare.events.dlq.v1");
        assertThat(Topics.INDICATORS).isEqualTo(TopicRegistry.INDICATORS.name()).isEqualTo("eldercare.indicators.v1");
        assertThat(Topics.DEFAULT_PARTITIONS).isEqualTo(4);
        assertThat(TopicRegistry.byName("eldercare.events.v1")).contains(TopicRegistry.EVENTS);
        assertThat(TopicRegistry.byName("eldercare.events.v2")).isEmpty();
    }

    @Test
    void createsEventsAndDeadLettersWithRetentionAndIndicatorsCompacted() {
        Map<String, NewTopic> topics = TopicInitializer.platformTopics().stream()
                .collect(java.util.stream.Collectors.toMap(NewTopic::name, t -> t));

        assertThat(topics).containsOnlyKeys(Topics.EVENTS, Topics.DEAD_LETTERS, Topics.INDICATORS);
        assertThat(topics.values()).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(4);
            assertThat(t.replicationFactor()).isEqualTo((short) 1);
            assertThat(t.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        });
        assertThat(topics.get(Topics.EVENTS).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(14).toMillis()));
        assertThat(topics.get(Topics.DEAD_LETTERS).configs())
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(topics.get(Topics.INDICATORS).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
    }

    @Test
    void takesReplicationAndRetentionFromConfiguration() {
        TopicSettings cluster = TopicSettings.fromProperties(Map.of(
                "eldercare.kafka.topics.replication-factor", "3",
                "eldercare.kafka.topics.min-insync-replicas", "2",
                "eldercare.kafka.topics.events-retention", "P30D")::get);

        NewTopic events = TopicRegistry.EVENTS.newTopic(cluster);

        assertThat(events.replicationFactor()).isEqualTo((short) 3);
        assertThat(events.configs())
                .containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")
                .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "2592000000");
    }

    @Test
    void refusesSettingsThatWouldLoseEventsOrAcknowledgements() {
        assertThatThrownBy(() ->
                        TopicSettings.fromProperties(Map.of("eldercare.kafka.topics.events-retention", "P7D")::get))
                .hasMessageStartingWith("eldercare.kafka.topics.events-retention: must be at least PT168H5M")
                .hasMessageEndingWith("was PT168H");
        assertThatThrownBy(() ->
                        TopicSettings.fromProperties(Map.of("eldercare.kafka.topics.min-insync-replicas", "2")::get))
                .hasMessage("eldercare.kafka.topics.min-insync-replicas: must be at most"
                        + " eldercare.kafka.topics.replication-factor (1), was 2");
    }

    @Test
    void keysEventsByFacilityAndIndicatorsByScope() {
        assertThat(TopicRegistry.INDICATORS.key("110109")).isEqualTo("110109");
        assertThat(TopicRegistry.EVENTS.keyRule()).contains("facility id");
    }
}
