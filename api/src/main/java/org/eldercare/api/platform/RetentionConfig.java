package org.eldercare.api.platform;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.IndexRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retention of the growing Elasticsearch log indexes (docs/CONTRACT.md §6.8): every
 * {@code eldercare.retention.sweep-every} the API deletes rejections, audit entries and indicator history older
 * than their retention. Off with {@code eldercare.retention.enabled=false}.
 */
@Configuration
@ConditionalOnProperty(name = "eldercare.retention.enabled", havingValue = "true", matchIfMissing = true)
class RetentionConfig {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionConfig.class);

    @Bean
    IndexRetention indexRetention(
            ElasticsearchClient client,
            SearchConfig.IndexesReady indexes,
            @Value("${eldercare.retention.rejections:P30D}") Duration rejections,
            @Value("${eldercare.retention.audit:P730D}") Duration audit,
            @Value("${eldercare.retention.indicator-history:P400D}") Duration indicatorHistory) {
        IndexRetention retention = new IndexRetention(
                client,
                List.of(
                        IndexRetention.rule(IndexNames.REJECTIONS, rejections),
                        IndexRetention.rule(IndexNames.AUDIT, audit),
                        IndexRetention.rule(IndexNames.INDICATOR_HISTORY, indicatorHistory)));
        LOG.info(
                "Retention: {}",
                retention.rules().stream()
                        .map(r -> r.index() + " " + r.keep().toDays() + " days")
                        .toList());
        return retention;
    }

    @Bean
    RetentionSweep retentionSweep(IndexRetention retention) {
        return new RetentionSweep(retention);
    }

    /** Runs the sweep on schedule; a failed sweep is logged and tried again next time. */
    static final class RetentionSweep {

        private final IndexRetention retention;

        RetentionSweep(IndexRetention retention) {
            this.retention = retention;
        }

        @Scheduled(
                initialDelayString = "${eldercare.retention.first-sweep-after:PT1M}",
                fixedDelayString = "${eldercare.retention.sweep-every:PT1H}")
        void sweep() {
            try {
                retention.sweep(Instant.now());
            } catch (RuntimeException e) {
                LOG.warn("Retention sweep failed, next try in eldercare.retention.sweep-every: {}", e.getMessage());
            }
        }
    }
}
