package org.eldercare.api.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eldercare.api.status.ComponentCheck;
import org.eldercare.api.status.PipelineProgress;
import org.eldercare.ingest.config.Settings;
import org.eldercare.ingest.deadletter.DeadLetterPublisher;
import org.eldercare.ingest.publish.EventPublisher;
import org.eldercare.ingest.publish.IntakeDeduplicator;
import org.eldercare.ingest.publish.PublisherConfig;
import org.eldercare.ingest.publish.TopicInitializer;
import org.eldercare.ingest.topic.TopicSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Kafka administration: the pipeline's progress and the broker's health. */
@Configuration
public class KafkaConfig {

    /** The consumer group under which the streaming jobs commit their offsets. */
    static final String STREAMING_GROUP = "eldercare-streaming";

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(PlatformEndpoints endpoints) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    @Bean
    PublisherConfig publisherConfig(Environment env, PlatformEndpoints endpoints) {
        return PublisherConfig.from(
                Settings.of(Map.of(PublisherConfig.BOOTSTRAP_SERVERS.key(), endpoints.kafkaBootstrapServers()))
                        .orElse(Settings.from(env::getProperty)));
    }

    /** Creates the platform's topics if missing, before anything produces to them. */
    @Bean
    TopicsReady topicsReady(
            Admin admin, Environment env, @Value("${eldercare.platform.initialize:true}") boolean initialize) {
        if (!initialize) {
            return new TopicsReady(java.util.Set.of());
        }
        TopicSettings settings = TopicSettings.fromProperties(env::getProperty);
        return new TopicsReady(new TopicInitializer(admin, settings, Duration.ofSeconds(30)).createMissing());
    }

    @Bean(destroyMethod = "close")
    KafkaEventLog eventLog(PublisherConfig config, TopicsReady topics) {
        return new KafkaEventLog(
                new EventPublisher(config.withClientId("eldercare-intake")),
                new DeadLetterPublisher(config.withClientId("eldercare-dead-letters")));
    }

    @Bean
    IntakeDeduplicator intakeDeduplicator() {
        return new IntakeDeduplicator();
    }

    /** Marks that the topics exist; the set holds the ones this start created. */
    public record TopicsReady(java.util.Set<String> created) {}

    @Bean
    PipelineProgress pipelineProgress(
            Admin admin,
            Clock clock,
            @Value("${eldercare.streaming.group-id:" + STREAMING_GROUP + "}") String groupId,
            @Value("${eldercare.status.settle:PT3S}") Duration settle) {
        return new PipelineProgress(admin, groupId, settle, clock);
    }

    @Bean
    ComponentCheck kafkaCheck(Admin admin, PlatformEndpoints endpoints) {
        return new KafkaCheck(admin, endpoints.kafkaBootstrapServers());
    }
}
