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

        assertThat(topics).containsOnlyKeys(Topics.EVENTS, Topics.DEAD_LETTERS, Topics.INDICATORS, Topics.INCIDENTS);
        assertThat(topics.values()).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(4);
            assertThat(t.replicationFactor()).isEqualTo((short) 1);
            assertThat(t.configs()).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        });
        assertThat(topics.get(Topics.EVENTS).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(topics.get(Topics.DEAD_LETTERS).configs())
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(topics.get(Topics.INDICATORS).configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
                .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
        assertThat(topics.get(Topics.INCIDENTS).configs())
                .as("every incident transition, kept like the events (docs/CONTRACT.md §9.5)")
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(30).toMillis()));
        assertThat(TopicRegistry.INCIDENTS.key("inc-0123456789abcdef01234567"))
                .isEqualTo("inc-0123456789abcdef01234567");
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
                        TopicSettings.fromProperties(Map.of("eldercare.kafka.topics.events-retention", "P13D")::get))
                .hasMessageStartingWith("eldercare.kafka.topics.events-retention: must be at least PT336H")
                .hasMessageEndingWith("was PT312H");
        assertThat(TopicSettings.fromProperties(Map.of("eldercare.kafka.topics.events-retention", "P14D")::get)
                        .eventsRetention())
                .isEqualTo(Duration.ofDays(14));
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

    @Test
    void operatorTopicsAreAPatternKeyedAndKeptAsTheEventsTopic() {
        TopicPatternSpec<org.eldercare.ingest.event.CareEvent> operators = TopicRegistry.OPERATOR_EVENTS;

        assertThat(operators.name("op-1")).isEqualTo("eldercare.events.op.op-1.v1");
        assertThat(operators.idOf("eldercare.events.op.op-1.v1")).contains("op-1");
        assertThat(operators.keyRule()).isEqualTo(TopicRegistry.EVENTS.keyRule());
        assertThat(operators.valueFormat()).isEqualTo(TopicRegistry.EVENTS.valueFormat());
        assertThat(operators.retention()).isEqualTo(TopicSettings.EVENTS_RETENTION);
        assertThat(TopicRegistry.ALL).extracting(TopicSpec::name).doesNotContain(operators.name("op-1"));
        assertThat(TopicRegistry.EVENT_TOPICS.matcher(Topics.EVENTS).matches()).isTrue();
        assertThat(TopicRegistry.EVENT_TOPICS.matcher(operators.name("op-1")).matches())
                .isTrue();

        NewTopic topic = operators.newTopic("op-1", TopicSettings.defaults());
        assertThat(topic.name()).isEqualTo("eldercare.events.op.op-1.v1");
        assertThat(topic.configs())
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")
                .containsEntry(
                        TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(Duration.ofDays(30).toMillis()));
    }
}
