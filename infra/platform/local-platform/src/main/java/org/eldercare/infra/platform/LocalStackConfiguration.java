package org.eldercare.infra.platform;

import java.time.Duration;
import org.eldercare.api.platform.KafkaConfig;
import org.eldercare.api.platform.PlatformEndpoints;
import org.eldercare.api.platform.SearchConfig;
import org.eldercare.api.status.ComponentCheck;
import org.eldercare.api.system.PiiSettings;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.infra.stack.LocalStackConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The local profile ({@code eldercare.local-stack.enabled=true}): starts a real Kafka broker, a real
 * Elasticsearch node and a Flink MiniCluster before anything that needs them, all keeping their data
 * under {@code eldercare.data-dir}, and stops them when the app stops.
 */
@Configuration
@ConditionalOnProperty(name = "eldercare.local-stack.enabled", havingValue = "true")
class LocalStackConfiguration {

    @Bean(destroyMethod = "close")
    LocalStack localStack(Environment env) {
        // Spring's environment already merges properties, env vars (ELDERCARE_DATADIR) and arguments.
        LocalStackConfig config = LocalStackConfig.from(env::getProperty);
        LocalStack stack = LocalStack.start(config);
        // From here the context stops it, after the beans that use Kafka and Flink.
        stack.releaseShutdownHook();
        return stack;
    }

    @Bean
    PlatformEndpoints platformEndpoints(LocalStack stack) {
        return new PlatformEndpoints(stack.kafkaBootstrapServers(), stack.elasticsearchUrl());
    }

    /** Off ({@code eldercare.streaming.enabled=false}) only to measure the intake path alone. */
    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "eldercare.streaming.enabled", havingValue = "true", matchIfMissing = true)
    StreamingLauncher streamingJobs(
            LocalStack stack,
            SearchConfig.IndexesReady indexes,
            KafkaConfig.TopicsReady topics,
            PiiSettings pii,
            @Value("${eldercare.streaming.checkpoint-interval:PT2S}") Duration checkpointInterval)
            throws Exception {
        return new StreamingLauncher(stack, StreamingLauncher.config(stack, checkpointInterval, pii));
    }

    @Bean
    ComponentCheck flinkCheck(LocalStack stack) {
        return new ComponentCheck() {
            @Override
            public String name() {
                return "flink";
            }

            @Override
            public State check() {
                boolean up = stack.flinkHealthy();
                return new State(up, up ? "MiniCluster running at " + stack.flinkRestAddress() : "MiniCluster down");
            }
        };
    }
}
