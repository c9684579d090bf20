package org.eldercare.api.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.document.WorkOrderDocument;
import org.junit.jupiter.api.Test;

/** The SLA series of docs/CONTRACT.md §10.3 as Prometheus reads them. */
class WorkOrderMetricsTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T10:00:00+08:00");
    static final String DAYU = "110109001";

    final List<WorkOrderDocument> orders = new ArrayList<>();
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final WorkOrderMetrics metrics = new WorkOrderMetrics(
            since -> List.copyOf(orders),
            new WorkOrderSettings(null),
            registry,
            Clock.fixed(NOW.toInstant(), ZoneOffset.UTC));

    static WorkOrderDocument closed(String id, int openedMinutesAgo, long toDispatch, long toClose) {
        OffsetDateTime opened = NOW.minusMinutes(openedMinutesAgo);
        return new WorkOrderDocument(
                id,
                null,
                "MEAL",
                "110109",
                DAYU,
                new GeoPoint(39.93, 116.1),
                null,
                "CLOSED",
                opened,
                opened.plusSeconds(toDispatch),
                "f-1",
                0.3,
                opened.plusSeconds(toClose),
                "op-1:r-" + id,
                toDispatch,
                toClose);
    }

    static WorkOrderDocument undispatched(String id, int openedMinutesAgo) {
        return new WorkOrderDocument(
                id,
                null,
                "BATHING",
                "110109",
                DAYU,
                new GeoPoint(39.93, 116.1),
                null,
                "OPEN",
                NOW.minusMinutes(openedMinutesAgo),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void publishesEachStreetsOpenBreachedAndQuantileSeries() {
        orders.add(closed("w1", 120, 300, 3600));
        orders.add(undispatched("w2", 45));

        metrics.sample();
        String scrape = registry.scrape();

        assertThat(scrape)
                .contains("eldercare_workorders_open{street=\"110109001\"} 1.0")
                .contains("eldercare_workorders_breached{sla=\"dispatch\",street=\"110109001\"} 1.0")
                .contains("eldercare_workorders_breached{sla=\"close\",street=\"110109001\"} 0.0")
                .contains("eldercare_workorders_time_to_dispatch_seconds{quantile=\"0.5\",street=\"110109001\"} 300.0")
                .contains("eldercare_workorders_time_to_close_seconds{quantile=\"0.9\",street=\"110109001\"} 3600.0");
    }

    @Test
    void dropsAStreetsSeriesWhenNothingIsLeftInItsWindow() {
        orders.add(undispatched("w2", 45));
        metrics.sample();
        orders.clear();

        metrics.sample();

        assertThat(registry.scrape()).doesNotContain("street=\"110109001\"");
    }

    @Test
    void keepsTheLastFiguresWhenTheIndexCannotBeRead() {
        SimpleMeterRegistry simple = new SimpleMeterRegistry();
        WorkOrderMetrics failing = new WorkOrderMetrics(
                since -> {
                    throw new IllegalStateException("cluster down");
                },
                new WorkOrderSettings(null),
                simple,
                Clock.fixed(NOW.toInstant(), ZoneOffset.UTC));

        failing.sample();

        assertThat(simple.getMeters()).isEmpty();
    }
}
