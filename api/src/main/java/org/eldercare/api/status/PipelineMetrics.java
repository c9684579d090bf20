package org.eldercare.api.status;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eldercare.search.index.IndexManager;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Prometheus gauges of the pipeline: events not yet reflected ({@code eldercare.pipeline.pending})
 * and documents indexed per index ({@code eldercare.index.documents}, a counter whose rate is the
 * indexing rate). Sampled on a schedule, so a scrape never waits on Kafka or Elasticsearch.
 */
@Component
class PipelineMetrics {

    private final PipelineProgress progress;
    private final ElasticsearchClient elasticsearch;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong(-1);
    private final Map<String, AtomicLong> indexed = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rejectedByStage = new ConcurrentHashMap<>();

    PipelineMetrics(PipelineProgress progress, ElasticsearchClient elasticsearch, MeterRegistry registry) {
        this.progress = progress;
        this.elasticsearch = elasticsearch;
        this.registry = registry;
        Gauge.builder("eldercare.pipeline.pending", pending, AtomicLong::doubleValue)
                .description("Accepted events not yet reflected in indicators and indexes (-1: unknown)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${eldercare.metrics.sample-every:PT5S}")
    void sample() {
        pending.set(progress.pendingEvents());
        try {
            var stats = elasticsearch
                    .indices()
                    .stats(s -> s.index(IndexManager.allIndexes())
                            .metric(co.elastic.clients.elasticsearch._types.CommonStatsFlag.Indexing));
            stats.indices().forEach((index, s) -> {
                long total = s.total() == null || s.total().indexing() == null
                        ? 0
                        : s.total().indexing().indexTotal();
                indexed.computeIfAbsent(index, this::register).set(total);
            });
            sampleRejections();
        } catch (Exception e) {
            // Elasticsearch down: the health endpoint reports it; the counters keep their last value.
        }
    }

    /** Rejections by stage as the dead-letter index holds them: intake's and the job's alike. */
    private void sampleRejections() throws java.io.IOException {
        var response = elasticsearch.search(
                s -> s.index(org.eldercare.search.document.IndexNames.REJECTIONS)
                        .size(0)
                        .aggregations("stages", a -> a.terms(t -> t.field("stage"))),
                Void.class);
        response.aggregations()
                .get("stages")
                .sterms()
                .buckets()
                .array()
                .forEach(bucket -> rejectedByStage
                        .computeIfAbsent(bucket.key().stringValue(), this::registerRejections)
                        .set(bucket.docCount()));
    }

    private AtomicLong registerRejections(String stage) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("eldercare.rejections.recorded", value, AtomicLong::doubleValue)
                .tag("stage", stage)
                .description("Rejected events in the dead-letter index, by where they were rejected")
                .register(registry);
        return value;
    }

    private AtomicLong register(String index) {
        AtomicLong value = new AtomicLong();
        FunctionCounter.builder("eldercare.index.documents", value, AtomicLong::doubleValue)
                .tag("index", index)
                .description("Documents indexed (created or updated) since the node started")
                .register(registry);
        return value;
    }
}
