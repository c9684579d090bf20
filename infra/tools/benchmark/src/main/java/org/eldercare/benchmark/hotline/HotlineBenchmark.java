package org.eldercare.benchmark.hotline;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eldercare.benchmark.common.Latencies;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.benchmark.intake.AppProcess;
import org.eldercare.infra.stack.LocalStackProperty;
import org.eldercare.ingest.config.Settings;

/**
 * SOS to the hotline console (issue #16, docs/CONTRACT.md §9.7): the app started as a black box with the streaming job,
 * {@code --devices} terminals bound and heartbeating at {@code --rate} events/s over HTTP as their operator, and an
 * SSE client on {@code GET /api/v1/incidents/stream} with the hotline's token, as the console holds it. Every {@code
 * --interval-ms} one SOS button is pressed: the figure is the time from the POST of its {@code device.sos} to the
 * {@code incident} event of that device, state OPEN, read by the SSE client (intake, Kafka, the job's device, person
 * and lifecycle stages, the index and the incidents topic, the API's feed, a re-read of the document, the push).
 */
public final class HotlineBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String OPERATOR_TOKEN = "demo-operator-1";
    private static final String HOTLINE_TOKEN = "demo-hotline";
    private static final String[] STREETS = {"110109001", "110109002", "110109003", "110109004"};
    private static final Pattern DEVICE = Pattern.compile("\"deviceId\":\"(sos-[^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI app;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger sequence = new AtomicInteger();
    /** Press time (System.nanoTime) of each probe device, until its incident is seen. */
    private final Map<String, Long> pressed = new ConcurrentHashMap<>();

    private final Latencies latency = new Latencies();

    private HotlineBenchmark(URI app) {
        this.app = app;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int devices = options.integer("devices", 10_000);
        int rate = options.integer("rate", 5_000);
        int probes = options.integer("probes", 200);
        int intervalMs = options.integer("interval-ms", 500);
        int warmup = options.integer("warmup", 30);
        String heap = options.string("app-heap", "2g");
        boolean keep = options.flag("keep-data");
        options.requireAllKnown();
        Path root = Path.of(Settings.systemProperties().get(LocalStackProperty.ROOT))
                .toAbsolutePath()
                .normalize();
        try (WorkDir dir = WorkDir.create("hotline", keep)) {
            AppProcess app = AppProcess.start(root, dir.path(), heap, true);
            try {
                app.awaitHealthy(Duration.ofMinutes(5));
                new HotlineBenchmark(app.baseUrl()).measure(devices, rate, probes, intervalMs, warmup, heap);
            } finally {
                app.close();
            }
        }
        System.exit(0);
    }

    private void measure(int devices, int rate, int probes, int intervalMs, int warmup, String heap) throws Exception {
        // Terminals: the background's heartbeating devices, and one SOS button per probe.
        List<String> bindings = new ArrayList<>();
        for (int d = 0; d < devices; d++) {
            bindings.add(bound("hb-" + run + "-" + d, "SMART_WATCH", d));
        }
        for (int p = 0; p < probes; p++) {
            bindings.add(bound(probe(p), "SOS_BUTTON", p));
        }
        for (int from = 0; from < bindings.size(); from += 1000) {
            post("[" + String.join(",", bindings.subList(from, Math.min(bindings.size(), from + 1000))) + "]");
        }
        System.out.printf("[bench] %,d devices bound; background %,d events/s%n", bindings.size(), rate);

        Thread console = Thread.ofPlatform().daemon().start(this::console);
        LongAdder background = new LongAdder();
        Thread load = Thread.ofPlatform().daemon().start(() -> heartbeats(devices, rate, background));
        Thread.sleep(warmup * 1000L);
        long loadStart = System.nanoTime();
        long sentAtStart = background.sum();

        int missed = 0;
        for (int p = 0; p < probes; p++) {
            long due = System.nanoTime() + intervalMs * 1_000_000L;
            String device = probe(p);
            pressed.put(device, System.nanoTime());
            post("[" + event("device.sos", "sos-" + p, "{\"deviceId\":\"" + device + "\"}") + "]");
            Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
        }
        long waitUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!pressed.isEmpty() && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        missed = pressed.size();
        double seconds = (System.nanoTime() - loadStart) / 1e9;
        double backgroundRate = (background.sum() - sentAtStart) / seconds;
        load.interrupt();
        console.interrupt();

        double p99 = latency.millisAt(0.99);
        new Report("SOS to the hotline console under load")
                .line(
                        "parameters",
                        "app -Xmx%s with the job; %,d devices heartbeating at %,d events/s over HTTP (%s); %d SOS"
                                + " presses, one every %d ms, after %d s of warm-up; one SSE client (%s)",
                        heap,
                        devices,
                        rate,
                        OPERATOR_TOKEN,
                        probes,
                        intervalMs,
                        warmup,
                        HOTLINE_TOKEN)
                .line("background", "%,.0f events/s accepted during the presses", backgroundRate)
                .line(
                        "latency",
                        "POST device.sos -> incident event at the SSE client: %s; %d of %d not seen in 30 s",
                        latency.summary(),
                        missed,
                        probes)
                .goal("p99 < 1 s", missed == 0 && p99 < 1000, String.format("p99 %.0f ms", p99))
                .print();
    }

    /** The hotline console: one incident stream, every incident event matched to the press of its device. */
    private void console() {
        try {
            HttpResponse<Stream<String>> response = http.send(
                    HttpRequest.newBuilder(app.resolve("/api/v1/incidents/stream"))
                            .header("Authorization", "Bearer " + HOTLINE_TOKEN)
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                System.out.printf("[bench] incident stream: HTTP %d%n", response.statusCode());
                return;
            }
            response.body().forEach(line -> {
                if (!line.startsWith("data:") || !line.contains("\"state\":\"OPEN\"")) {
                    return;
                }
                long now = System.nanoTime();
                Matcher m = DEVICE.matcher(line);
                if (m.find()) {
                    Long at = pressed.remove(m.group(1));
                    if (at != null) {
                        latency.record(now - at);
                    }
                }
            });
        } catch (IOException e) {
            System.out.println("[bench] incident stream: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code rate} heartbeats/s in batches every 100 ms, round the devices, as their operator's system sends them. */
    private void heartbeats(int devices, int rate, LongAdder sent) {
        int perBatch = Math.max(1, rate / 10);
        long next = System.nanoTime();
        int d = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> batch = new ArrayList<>(perBatch);
                for (int i = 0; i < perBatch; i++, d = (d + 1) % devices) {
                    batch.add(event(
                            "device.heartbeat",
                            "hb-" + sequence.incrementAndGet(),
                            "{\"deviceId\":\"hb-" + run + "-" + d + "\",\"batteryPercent\":80}"));
                }
                sent.add(post("[" + String.join(",", batch) + "]"));
                next += 100_000_000L;
                long sleep = (next - System.nanoTime()) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String probe(int p) {
        return "sos-" + run + "-" + p;
    }

    private String bound(String deviceId, String kind, int n) {
        String street = STREETS[n % STREETS.length];
        return event("device.bound", "bind-" + deviceId, """
                {"deviceId":"%s","kind":"%s","personId":"p-%s-%d","districtCode":"110109","streetCode":"%s",\
                "heartbeatSeconds":3600}""".formatted(deviceId, kind, run, n, street));
    }

    private String event(String type, String id, String data) {
        return """
                {"specversion":"1.0","id":"%s-%s","source":"/operators/op-1","type":"%s","time":"%s","data":%s}""".formatted(run, id, type, OffsetDateTime.now(SHANGHAI), data);
    }

    /** Posts a batch as the devices' operator; the number accepted, 0 on any error (printed). */
    private int post(String batch) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(app.resolve("/api/v1/events"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/cloudevents-batch+json")
                            .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofString(batch))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                System.out.printf("[bench] HTTP %d: %.300s%n", response.statusCode(), response.body());
                return 0;
            }
            Matcher m = Pattern.compile("\"accepted\":(\\d+)").matcher(response.body());
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            System.out.println("[bench] " + e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
