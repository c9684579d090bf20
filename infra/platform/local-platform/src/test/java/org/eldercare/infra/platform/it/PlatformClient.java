package org.eldercare.infra.platform.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Talks to a running platform over HTTP, as an operator's system or a planner's tool would. */
public final class PlatformClient {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;

    public PlatformClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Reply(int status, JsonNode body) {}

    public Reply postBatch(String token, String jsonArray) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/cloudevents-batch+json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(jsonArray))
                .build());
    }

    /** A JSON POST, such as a recipient match. */
    public Reply postJson(String token, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Reply get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    /** A plain-text endpoint, such as the Prometheus scrape. */
    public String getText(String path) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record TextReply(int status, String body) {}

    /** A plain-text endpoint with its status; {@code token} null sends no Authorization header. */
    public TextReply getText(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TextReply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every accepted event is reflected ({@code pendingEvents == 0}). */
    public void awaitCaughtUp(Duration timeout) {
        awaitOrFail(
                "pendingEvents == 0",
                timeout,
                () -> get("demo-planner", "/api/v1/status"),
                r -> r.status() == 200
                        && r.body().path("pipeline").path("pendingEvents").asLong(-1) == 0);
    }

    /** Polls {@code probe} until {@code done} holds, or fails naming what was awaited and the last reply. */
    public Reply awaitOrFail(
            String what, Duration timeout, java.util.function.Supplier<Reply> probe, Predicate<Reply> done) {
        Instant deadline = Instant.now().plus(timeout);
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = probe.get();
                if (done.test(last)) {
                    return last;
                }
            } catch (RuntimeException notYet) {
                // The platform may still be starting or restarting.
            }
            sleep(250);
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last reply: " + last);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text == null || text.isBlank() ? null : json.readTree(text));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
