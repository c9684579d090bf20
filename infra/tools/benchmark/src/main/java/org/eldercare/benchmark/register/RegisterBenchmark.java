package org.eldercare.benchmark.register;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eldercare.benchmark.common.Latencies;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.benchmark.intake.AppProcess;
import org.eldercare.infra.stack.LocalStackProperty;
import org.eldercare.ingest.config.Settings;
import org.eldercare.tools.simulator.GbIdNumber;

/**
 * The register of older people (issue #15) at the user's boundary: the app started as a black box with the streaming
 * job and all its sinks, {@code person.registered} events posted over HTTP by the civil-affairs token.
 *
 * <ol>
 *   <li><b>Ingest:</b> {@code --persons} registrations in batches of {@code --batch} from {@code --clients} threads:
 *       events/s accepted at HTTP, and persons/s until every one is in the {@code persons} index with its labels (the
 *       whole path: intake, Kafka, the job's register stage, the Elasticsearch sink, a refresh).
 *   <li><b>Label freshness:</b> while {@code --rate} updates/s of registered people run in the background, {@code
 *       --probes} new people, one every 100 ms, each 85 and living alone: the time from the POST to a {@code persons}
 *       document holding {@code AGE_80_PLUS} and {@code LIVING_ALONE}, read straight from the app's Elasticsearch node
 *       every 20 ms (the index refreshes every second, which bounds what a reader can see).
 * </ol>
 */
public final class RegisterBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String TOKEN = "demo-civil-affairs";
    private static final String[] STREETS = {"110109001", "110109002", "110109003", "110115001", "110115002"};
    private static final String[] ARRANGEMENTS = {"ALONE", "COUPLE_ONLY", "WITH_FAMILY", "WITH_FAMILY", "IN_INSTITUTION"
    };

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI events;
    private final URI elasticsearch;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger sequence = new AtomicInteger();

    private RegisterBenchmark(URI app, URI elasticsearch) {
        this.events = app.resolve("/api/v1/events");
        this.elasticsearch = elasticsearch;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int persons = options.integer("persons", 20_000);
        int batch = options.integer("batch", 500);
        int clients = options.integer("clients", 4);
        int probes = options.integer("probes", 200);
        int rate = options.integer("rate", 200);
        String heap = options.string("app-heap", "2g");
        boolean keep = options.flag("keep-data");
        options.requireAllKnown();
        Path root = Path.of(Settings.systemProperties().get(LocalStackProperty.ROOT))
                .toAbsolutePath()
                .normalize();
        try (WorkDir dir = WorkDir.create("register", keep)) {
            AppProcess app = AppProcess.start(root, dir.path(), heap, true);
            try {
                app.awaitHealthy(Duration.ofMinutes(5));
                new RegisterBenchmark(app.baseUrl(), app.elasticsearchUrl())
                        .measure(persons, batch, clients, probes, rate, heap);
            } finally {
                app.close();
            }
        }
        System.exit(0);
    }

    private void measure(int persons, int batchSize, int clients, int probes, int rate, String heap) throws Exception {
        // 1. Ingest: every person once, as fast as the clients can post.
        List<String> batches = new ArrayList<>();
        Random random = new Random(7);
        for (int from = 0; from < persons; from += batchSize) {
            List<String> batch = new ArrayList<>();
            for (int i = from; i < Math.min(persons, from + batchSize); i++) {
                batch.add(registered(personId(i), random, false));
            }
            batches.add("[" + String.join(",", batch) + "]");
        }
        Latencies batchLatency = new Latencies();
        LongAdder accepted = new LongAdder();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int b = next.getAndIncrement(); b < batches.size(); b = next.getAndIncrement()) {
                    long t = System.nanoTime();
                    accepted.add(post(batches.get(b)));
                    batchLatency.record(System.nanoTime() - t);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double postSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "[bench] %,d registrations accepted in %.1f s; waiting for the persons index%n",
                accepted.sum(), postSeconds);
        long indexed = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (indexed < persons && System.nanoTime() < deadline) {
            Thread.sleep(500);
            indexed = count();
        }
        double endToEndSeconds = (System.nanoTime() - start) / 1e9;

        // 2. Freshness under a background of updates.
        Latencies freshness = new Latencies();
        int missed = 0;
        Thread background = Thread.ofPlatform().start(() -> updates(persons, rate));
        try {
            for (int p = 0; p < probes; p++) {
                long due = System.nanoTime() + 100_000_000L;
                String id = run + "-probe-" + p;
                long t = System.nanoTime();
                post("[" + registered(id, random, true) + "]");
                if (awaitLabelled(id, Duration.ofSeconds(30))) {
                    freshness.record(System.nanoTime() - t);
                } else {
                    missed++;
                }
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            }
        } finally {
            background.interrupt();
            background.join();
        }

        new Report("the register: ingest and label freshness")
                .line(
                        "parameters",
                        "app -X%s with the job and all its sinks; %,d person.registered in batches of %d from %d clients (token %s); then %d probes, one every 100 ms, under %d person.updated/s",
                        "mx" + heap,
                        persons,
                        batchSize,
                        clients,
                        TOKEN,
                        probes,
                        rate)
                .line(
                        "ingest",
                        "%,.0f events/s accepted over HTTP (%,d in %.1f s); batch latency %s",
                        accepted.sum() / postSeconds,
                        accepted.sum(),
                        postSeconds,
                        batchLatency.summary())
                .line(
                        "end to end",
                        "%,.0f persons/s until all %,d were in the persons index with labels (%,d there after %.1f s)",
                        indexed / endToEndSeconds,
                        persons,
                        indexed,
                        endToEndSeconds)
                .line(
                        "freshness",
                        "POST -> labels queryable: %s; %d of %d probes not seen in 30 s",
                        freshness.summary(),
                        missed,
                        probes)
                .print();
    }

    private void updates(int persons, int rate) {
        Random random = new Random(11);
        long interval = 1_000_000_000L / Math.max(1, rate);
        long next = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                // Updates go out in small batches every 100 ms, as a street office's system would send them.
                int n = Math.max(1, rate / 10);
                List<String> batch = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    batch.add(event(
                            "person.updated",
                            STREETS[0],
                            body(personId(random.nextInt(persons)), random, false, STREETS[0])));
                }
                post("[" + String.join(",", batch) + "]");
                next += interval * n;
                long sleep = (next - System.nanoTime()) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String personId(int i) {
        return run + "-p-" + i;
    }

    private String registered(String personId, Random random, boolean probe) {
        String street = STREETS[Math.floorMod(personId.hashCode(), STREETS.length)];
        return event("person.registered", street, body(personId, random, probe, street));
    }

    /** A person of {@code street}; a probe is 85 and living alone, so AGE_80_PLUS and LIVING_ALONE must appear. */
    private String body(String personId, Random random, boolean probe, String street) {
        LocalDate today = LocalDate.now(SHANGHAI);
        LocalDate birth = probe
                ? today.minusYears(85).minusDays(3)
                : today.minusYears(60 + random.nextInt(36)).minusDays(random.nextInt(365));
        String idNumber =
                GbIdNumber.of(street.substring(0, 6), birth, sequence.incrementAndGet(), random.nextBoolean());
        String arrangement = probe ? "ALONE" : ARRANGEMENTS[random.nextInt(ARRANGEMENTS.length)];
        return """
                {"personId":"%s","identity":{"name":"测试老人","idNumber":"%s","phone":"1380000%04d"},\
                "address":"测试路%d号","districtCode":"%s","streetCode":"%s","livingArrangement":"%s"}""".formatted(
                        personId,
                        idNumber,
                        random.nextInt(10_000),
                        random.nextInt(500) + 1,
                        street.substring(0, 6),
                        street,
                        arrangement);
    }

    private String event(String type, String street, String data) {
        return """
                {"specversion":"1.0","id":"%s-e-%d","source":"/civil-affairs/%s","type":"%s","time":"%s","data":%s}""".formatted(run, sequence.incrementAndGet(), street, type, OffsetDateTime.now(SHANGHAI), data);
    }

    /** Posts a batch; the number accepted, 0 on any error (printed once per kind). */
    private int post(String batch) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(events)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/cloudevents-batch+json")
                            .header("Authorization", "Bearer " + TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofString(batch))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                System.out.printf("[bench] HTTP %d: %.300s%n", response.statusCode(), response.body());
                return 0;
            }
            return number(response.body(), "\"accepted\":");
        } catch (IOException e) {
            System.out.println("[bench] " + e);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private long count() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(elasticsearch.resolve("/persons/_count")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? number(response.body(), "\"count\":") : 0;
    }

    private boolean awaitLabelled(String personId, Duration timeout) throws IOException, InterruptedException {
        URI doc = elasticsearch.resolve("/persons/_doc/" + personId);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response =
                    http.send(HttpRequest.newBuilder(doc).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            if (response.statusCode() == 200 && body.contains("AGE_80_PLUS") && body.contains("LIVING_ALONE")) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static int number(String body, String name) {
        int at = body.indexOf(name);
        if (at < 0) {
            return 0;
        }
        int i = at + name.length();
        while (i < body.length() && body.charAt(i) == ' ') {
            i++;
        }
        int value = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            value = value * 10 + (body.charAt(i++) - '0');
        }
        return value;
    }
}
