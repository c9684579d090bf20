package org.eldercare.api.workorder;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.workorder.StreetSla;
import org.eldercare.search.workorder.WorkOrderSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The hotline's service levels per street on {@code /actuator/prometheus} (docs/CONTRACT.md §10.3), computed from the
 * {@code work-orders} index once a minute: every replica shows the same figures and a restart loses none. A street
 * that drops out of the window loses its series ({@link MultiGauge} with overwrite).
 */
@Component
@EnableConfigurationProperties(WorkOrderSettings.class)
class WorkOrderMetrics {

    /** The orders an SLA sample needs, given the start of the 24-hour window. */
    private final Function<OffsetDateTime, List<WorkOrderDocument>> orders;

    private final WorkOrderSettings settings;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge breached;
    private final MultiGauge toDispatch;
    private final MultiGauge toClose;

    @Autowired
    WorkOrderMetrics(ElasticsearchClient elasticsearch, WorkOrderSettings settings, MeterRegistry registry) {
        this(new WorkOrderSearch(elasticsearch)::forSla, settings, registry, Clock.systemUTC());
    }

    WorkOrderMetrics(
            Function<OffsetDateTime, List<WorkOrderDocument>> orders,
            WorkOrderSettings settings,
            MeterRegistry registry,
            Clock clock) {
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
        this.open = MultiGauge.builder("eldercare.workorders.open")
                .description("Work orders OPEN or DISPATCHED, per street (docs/CONTRACT.md §10.3)")
                .register(registry);
        this.breached = MultiGauge.builder("eldercare.workorders.breached")
                .description("Open work orders past their dispatch or close SLA now, per street")
                .register(registry);
        this.toDispatch = MultiGauge.builder("eldercare.workorders.time.to.dispatch")
                .baseUnit("seconds")
                .description("Seconds from opening to dispatch over the last 24 hours, per street and quantile")
                .register(registry);
        this.toClose = MultiGauge.builder("eldercare.workorders.time.to.close")
                .baseUnit("seconds")
                .description("Seconds from opening to close over the last 24 hours, per street and quantile")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${eldercare.workorders.sample-every:PT1M}")
    void sample() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Collection<StreetSla> streets;
        try {
            streets = StreetSla.of(
                            orders.apply(now.minusHours(24)),
                            now,
                            settings.sla().dispatch(),
                            settings.sla().close())
                    .values();
        } catch (RuntimeException e) {
            // Elasticsearch down or the index not there yet: keep the last figures; health reports the cluster.
            return;
        }
        open.register(rows(streets, s -> (double) s.open(), Tags.empty()), true);
        List<MultiGauge.Row<?>> breaches = new ArrayList<>();
        breaches.addAll(rows(streets, s -> (double) s.breachedDispatch(), Tags.of("sla", "dispatch")));
        breaches.addAll(rows(streets, s -> (double) s.breachedClose(), Tags.of("sla", "close")));
        breached.register(breaches, true);
        toDispatch.register(quantiles(streets, StreetSla::dispatchP50, StreetSla::dispatchP90), true);
        toClose.register(quantiles(streets, StreetSla::closeP50, StreetSla::closeP90), true);
    }

    private static List<MultiGauge.Row<?>> rows(
            Collection<StreetSla> streets, Function<StreetSla, Double> value, Tags extra) {
        return streets.stream()
                .<MultiGauge.Row<?>>map(
                        s -> MultiGauge.Row.of(Tags.of("street", s.streetCode()).and(extra), value.apply(s)))
                .toList();
    }

    private static List<MultiGauge.Row<?>> quantiles(
            Collection<StreetSla> streets, Function<StreetSla, Long> p50, Function<StreetSla, Long> p90) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (StreetSla s : streets) {
            if (p50.apply(s) != null) {
                rows.add(MultiGauge.Row.of(Tags.of("street", s.streetCode(), "quantile", "0.5"), p50.apply(s)));
                rows.add(MultiGauge.Row.of(Tags.of("street", s.streetCode(), "quantile", "0.9"), p90.apply(s)));
            }
        }
        return rows;
    }
}
