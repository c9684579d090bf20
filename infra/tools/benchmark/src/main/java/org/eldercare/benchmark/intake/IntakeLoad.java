package org.eldercare.benchmark.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eldercare.benchmark.common.Latencies;

/**
 * Posts batches to {@code /api/v1/events} over HTTP/1.1 keep-alive and tallies what the answers say. Only requests
 * that complete inside the measured window count; the warm-up before it is sent the same way and discarded.
 */
final class IntakeLoad {

    static final String BATCH_TYPE = "application/cloudevents-batch+json";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI events;
    private final Latencies latencies = new Latencies();
    private final LongAdder requests = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    IntakeLoad(URI baseUrl) {
        this.events = baseUrl.resolve("/api/v1/events");
    }

    void window(long startNanos, long endNanos) {
        windowStart = startNanos;
        windowEnd = endNanos;
    }

    /** Sends one batch; returns the number accepted (0 on any error). */
    int post(EventBatches.Batch batch) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(events)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", BATCH_TYPE)
                .header("Authorization", "Bearer " + batch.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                .build();
        long begin = System.nanoTime();
        String outcome;
        int taken = 0;
        String body = "";
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            outcome = Integer.toString(response.statusCode());
            body = response.body();
            if (response.statusCode() == 202) {
                taken = field(body, "\"accepted\":");
            }
        } catch (IOException e) {
            outcome = e.getClass().getSimpleName();
        }
        long end = System.nanoTime();
        if (end >= windowStart && end <= windowEnd) {
            requests.increment();
            latencies.record(end - begin);
            if (taken > 0 || outcome.equals("202")) {
                accepted.add(taken);
                duplicates.add(field(body, "\"duplicates\":"));
                rejected.add(count(body, "\"index\":"));
            }
            if (!outcome.equals("202")) {
                errors.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            }
        }
        return taken;
    }

    private static int field(String body, String name) {
        int at = body.indexOf(name);
        if (at < 0) {
            return 0;
        }
        int i = at + name.length();
        int value = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            value = value * 10 + (body.charAt(i++) - '0');
        }
        return value;
    }

    private static int count(String body, String needle) {
        int n = 0;
        for (int i = body.indexOf(needle); i >= 0; i = body.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    Latencies latencies() {
        return latencies;
    }

    long requests() {
        return requests.sum();
    }

    long accepted() {
        return accepted.sum();
    }

    long duplicates() {
        return duplicates.sum();
    }

    long rejected() {
        return rejected.sum();
    }

    /** Non-202 answers and I/O failures by status (or exception name), in the window. */
    Map<String, Long> errors() {
        Map<String, Long> out = new java.util.TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
