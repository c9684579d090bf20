package org.eldercare.benchmark.intake;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eldercare.benchmark.common.Machine;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.infra.stack.LocalStackProperty;
import org.eldercare.ingest.config.Settings;
import org.eldercare.ingest.region.Regions;
import org.eldercare.tools.simulator.CitySimulator;
import org.eldercare.tools.simulator.SimulatorConfig;

/**
 * Sustained intake over HTTP: the app jar started as a black box, simulator events (registrations first, then live
 * events with ids fresh per run) posted as {@code application/cloudevents-batch+json} batches of {@code --batch}
 * events from {@code --clients} threads for {@code --duration} after {@code --warmup}. Prints events/s accepted
 * (the 202 bodies' {@code accepted}), requests/s, request latency percentiles, errors by status and the app's peak
 * heap. Goal (issue 3): at least 30,000 events/s in batches, p99 batch latency under 250 ms.
 */
public final class IntakeBenchmark {

    private static final double GOAL_EVENTS_PER_SECOND = 30_000;
    private static final double GOAL_P99_MILLIS = 250;

    private IntakeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int batch = options.integer("batch", 1000);
        int clients = options.integer("clients", batch >= 100 ? 8 : 32);
        Duration warmup = options.duration("warmup", Duration.ofSeconds(15));
        Duration duration = options.duration("duration", Duration.ofSeconds(45));
        String heap = options.string("app-heap", "2g");
        String url = options.string("url", null);
        long seed = options.number("seed", 20201107);
        boolean keep = options.flag("keep-data");
        boolean streaming = !"off".equals(options.string("streaming", "on"));
        options.requireAllKnown();
        if (batch < 1 || batch > 5000) {
            throw new IllegalArgumentException("--batch: must be between 1 and 5000");
        }
        Path root = Path.of(Settings.systemProperties().get(LocalStackProperty.ROOT))
                .toAbsolutePath()
                .normalize();
        try (WorkDir dir = WorkDir.create("intake", keep)) {
            AppProcess app = url == null ? AppProcess.start(root, dir.path(), heap, streaming) : null;
            try {
                URI base = app != null ? app.baseUrl() : URI.create(url);
                if (app != null) {
                    app.awaitHealthy(Duration.ofMinutes(5));
                }
                run(
                        base,
                        batch,
                        clients,
                        warmup,
                        duration,
                        seed,
                        app != null ? "-Xmx" + heap : "unknown (--url)",
                        streaming);
            } finally {
                if (app != null) {
                    app.close();
                }
            }
        }
        System.exit(0);
    }

    private static void run(
            URI base,
            int batch,
            int clients,
            Duration warmup,
            Duration duration,
            long seed,
            String heapSetting,
            boolean streaming)
            throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.defaults()
                .withSeed(seed)
                .withRunId("bench" + Long.toString(System.currentTimeMillis(), 36));
        CitySimulator simulator = new CitySimulator(config, Regions.load());
        IntakeLoad load = new IntakeLoad(base);
        try (HeapSampler heap = new HeapSampler(base);
                EventBatches batches = new EventBatches(simulator, config.tokens(), batch)) {
            int registered = 0;
            for (EventBatches.Batch b : batches.registrations()) {
                registered += load.post(b);
            }
            System.out.printf(
                    "[bench] %d facilities: %d registration events accepted%n",
                    simulator.facilities().size(), registered);
            batches.start();
            long start = System.nanoTime();
            long measureFrom = start + warmup.toNanos();
            long measureTo = measureFrom + duration.toNanos();
            load.window(measureFrom, measureTo);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                threads.add(Thread.ofPlatform().name("client-" + i).start(() -> {
                    try {
                        while (System.nanoTime() < measureTo) {
                            load.post(batches.take());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            System.out.printf(
                    "[bench] warming up %d s, then measuring %d s with %d clients, batch %d%n",
                    warmup.toSeconds(), duration.toSeconds(), clients, batch);
            for (Thread t : threads) {
                t.join();
            }
            report(load, batch, clients, warmup, duration, heap.peakBytes(), heapSetting, streaming);
        }
    }

    private static void report(
            IntakeLoad load,
            int batch,
            int clients,
            Duration warmup,
            Duration duration,
            long peakHeap,
            String heapSetting,
            boolean streaming) {
        double seconds = duration.toMillis() / 1000.0;
        double eventsPerSecond = load.accepted() / seconds;
        double p99 = load.latencies().millisAt(0.99);
        Map<String, Long> errors = load.errors();
        Report report = new Report("intake over HTTP, batch " + batch
                        + (streaming ? "" : " (indicator job off: the intake path alone)"))
                .line(
                        "parameters",
                        "POST /api/v1/events (%s), batch %d, %d client threads (HTTP/1.1 keep-alive), warm-up %d s, measured %d s; app and load generator on the same machine",
                        IntakeLoad.BATCH_TYPE,
                        batch,
                        clients,
                        warmup.toSeconds(),
                        duration.toSeconds())
                .line(
                        "accepted",
                        "%,.0f events/s (%,d events; %,d duplicates, %,d rejected)",
                        eventsPerSecond,
                        load.accepted(),
                        load.duplicates(),
                        load.rejected())
                .line("requests", "%,.0f requests/s (%,d requests)", load.requests() / seconds, load.requests())
                .line("latency", "%s", load.latencies().summary())
                .line("errors", "%s", errors.isEmpty() ? "none" : errors.toString())
                .line(
                        "app heap",
                        "peak used %s (sampled every 250 ms), app run with %s",
                        peakHeap < 0 ? "unknown" : Machine.megabytes(peakHeap),
                        heapSetting);
        if (batch >= 100) {
            report.goal(
                    String.format("≥ %,.0f events/s in batches", GOAL_EVENTS_PER_SECOND),
                    eventsPerSecond >= GOAL_EVENTS_PER_SECOND && errors.isEmpty(),
                    String.format(
                            "%,.0f events/s, %d error answers",
                            eventsPerSecond,
                            errors.values().stream().mapToLong(Long::longValue).sum()));
            report.goal(
                    String.format("p99 batch latency < %.0f ms", GOAL_P99_MILLIS),
                    p99 < GOAL_P99_MILLIS,
                    String.format("%.1f ms", p99));
        } else {
            report.line("goal", "none set for single events (the goal is for batches)");
        }
        report.print();
    }
}
