package org.eldercare.api.platform;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import org.eldercare.ingest.config.Settings;
import org.eldercare.search.index.IndexRetention;
import org.eldercare.search.index.RetentionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Retention of the growing Elasticsearch indexes (docs/CONTRACT.md §6.8): every
 * {@code eldercare.retention.sweep-every} the API deletes rejections, audit entries, indicator history, calls and
 * visits older than their retention, and closed work orders, resolved incidents, ended family codes and unbound
 * devices older than theirs (never an open order or incident, an active code, nor a bound device). Off with {@code eldercare.retention.enabled=false}.
 * Every key is a {@link RetentionSettings} constant.
 */
@Configuration
@ConditionalOnProperty(name = RetentionSettings.ENABLED_KEY, havingValue = "true", matchIfMissing = true)
class RetentionConfig {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionConfig.class);

    @Bean
    IndexRetention indexRetention(ElasticsearchClient client, SearchConfig.IndexesReady indexes, Environment env) {
        IndexRetention retention = new IndexRetention(client, RetentionSettings.rules(Settings.from(env::getProperty)));
        LOG.info(
                "Retention: {}",
                retention.rules().stream()
                        .map(r -> r.index() + " " + r.keep().toDays() + " days")
                        .toList());
        return retention;
    }

    @Bean
    RetentionSweep retentionSweep(IndexRetention retention, Environment env) {
        Settings settings = Settings.from(env::getProperty).blankAsUnset();
        return new RetentionSweep(
                retention,
                settings.get(RetentionSettings.SWEEP_EVERY),
                settings.get(RetentionSettings.FIRST_SWEEP_AFTER));
    }

    /** Runs the sweep on schedule; a failed sweep is logged and tried again next time. */
    static final class RetentionSweep implements SchedulingConfigurer {

        private final IndexRetention retention;
        private final Duration every;
        private final Duration firstAfter;

        RetentionSweep(IndexRetention retention, Duration every, Duration firstAfter) {
            this.retention = retention;
            this.every = every;
            this.firstAfter = firstAfter;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::sweep, every, firstAfter));
        }

        void sweep() {
            try {
                retention.sweep(Instant.now());
            } catch (RuntimeException e) {
                LOG.warn("Retention sweep failed, next try in eldercare.retention.sweep-every: {}", e.getMessage());
            }
        }
    }
}
