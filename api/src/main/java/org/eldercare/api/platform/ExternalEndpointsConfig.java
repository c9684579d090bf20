package org.eldercare.api.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Outside the local profile, Kafka and Elasticsearch run elsewhere; their addresses are configured. */
@Configuration
@ConditionalOnProperty(name = "eldercare.local-stack.enabled", havingValue = "false", matchIfMissing = true)
class ExternalEndpointsConfig {

    @Bean
    PlatformEndpoints platformEndpoints(
            @Value("${eldercare.kafka.bootstrap-servers:127.0.0.1:9092}") String kafka,
            @Value("${eldercare.elasticsearch.url:http://127.0.0.1:9200}") String elasticsearch) {
        return new PlatformEndpoints(kafka, elasticsearch);
    }
}
