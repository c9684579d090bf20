package org.eldercare.benchmark.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eldercare.ingest.codec.CloudEventJson;

/**
 * Reads the app's used heap from {@code /actuator/metrics/jvm.memory.used?tag=area:heap} every 250 ms and keeps
 * the largest value seen: the peak is a sampled maximum, so a spike shorter than the interval can be missed.
 */
final class HeapSampler implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpRequest request;
    private final AtomicLong peak = new AtomicLong(-1);
    private final Thread thread;
    private volatile boolean running = true;

    HeapSampler(URI baseUrl) {
        this.request = HttpRequest.newBuilder(baseUrl.resolve("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .timeout(Duration.ofSeconds(5))
                .build();
        this.thread = Thread.ofPlatform().daemon().name("heap-sampler").start(this::run);
    }

    private void run() {
        while (running) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() == 200) {
                    JsonNode body = CloudEventJson.mapper().readTree(response.body());
                    long used = body.path("measurements").path(0).path("value").asLong(-1);
                    peak.accumulateAndGet(used, Math::max);
                }
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the app may be busy or stopping; the next sample counts
            }
        }
    }

    /** Bytes, or -1 when no sample was read. */
    long peakBytes() {
        return peak.get();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
