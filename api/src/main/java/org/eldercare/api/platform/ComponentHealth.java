package org.eldercare.api.platform;

import java.util.List;
import org.eldercare.api.status.ComponentCheck;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /actuator/health} reports each component check (Kafka, Elasticsearch, streaming). */
@Configuration
class ComponentHealth {

    @Bean
    HealthContributor platform(List<ComponentCheck> checks) {
        return CompositeHealthContributor.fromMap(checks.stream()
                .collect(java.util.stream.Collectors.toMap(ComponentCheck::name, ComponentHealth::indicator)));
    }

    private static HealthIndicator indicator(ComponentCheck check) {
        return () -> {
            ComponentCheck.State state = check.check();
            return (state.up() ? Health.up() : Health.down())
                    .withDetail("detail", state.detail())
                    .build();
        };
    }
}
