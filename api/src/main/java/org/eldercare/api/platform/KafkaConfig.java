package org.eldercare.api.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eldercare.api.status.ComponentCheck;
import org.eldercare.api.status.PipelineProgress;
import org.eldercare.ingest.config.Settings;
import org.eldercare.ingest.kafka.KafkaClientSecurity;
import org.eldercare.ingest.publish.DeadLetterPublisher;
import org.eldercare.ingest.publish.EventPublisher;
import org.eldercare.ingest.publish.IntakeDeduplicator;
import org.eldercare.ingest.publish.PublisherConfig;
import org.eldercare.ingest.publish.TopicInitializer;
import org.eldercare.ingest.topic.TopicSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Kafka administration: the pipeline's progress and the broker's health. Every Kafka client here (admin, status
 * check, event and dead-letter producers, topic creation) authenticates as {@code eldercare.kafka.security.*} says
 * (docs/CONTRACT.md §6.6); the API's principal is the only writer of the shared events topic.
 */
@Configuration
public class KafkaConfig {

    /** The consumer group under which the streaming jobs commit their offsets. */
    static final String STREAMING_GROUP = "eldercare-streaming";

    /** How every Kafka client of the API authenticates; refuses to start on an impossible combination. */
    @Bean
    KafkaClientSecurity kafkaClientSecurity(Environment env) {
        return KafkaClientSecurity.from(
                KafkaClientSecurity.API, Settings.from(env::getProperty), KafkaClientSecurity.API.prefix());
    }

    @Bean(destroyMethod = "close")
    Admin kafkaAdmin(PlatformEndpoints endpoints, KafkaClientSecurity security) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(config);
    }

    @Bean
    PublisherConfig publisherConfig(Environment env, PlatformEndpoints endpoints, KafkaClientSecurity security) {
        return PublisherConfig.from(
                        Settings.of(Map.of(PublisherConfig.BOOTSTRAP_SERVERS.key(), endpoints.kafkaBootstrapServers()))
                                .orElse(Settings.from(env::getProperty)))
                .withSecurity(security);
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
