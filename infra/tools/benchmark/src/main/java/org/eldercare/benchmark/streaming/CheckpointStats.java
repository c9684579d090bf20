package org.eldercare.benchmark.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.eldercare.ingest.codec.CloudEventJson;

/**
 * Checkpoint figures of a running job from the Flink REST API ({@code /jobs/:id/checkpoints} and its details): the
 * newest completed checkpoint with its full state size, and that size per operator chain.
 */
final class CheckpointStats {

    /** One completed checkpoint: id, full state bytes, where it lies, bytes per job vertex name. */
    record Completed(long id, long stateBytes, String externalPath, Map<String, Long> bytesByVertex) {}

    private final HttpClient http;
    private final URI rest;
    private final JobID job;

    /** {@code tls}: the local stack's REST client TLS (mutual TLS, docs/CONTRACT.md §6.8). */
    CheckpointStats(URI rest, javax.net.ssl.SSLContext tls, JobID job) {
        this.http = HttpClient.newBuilder().sslContext(tls).build();
        this.rest = rest;
        this.job = job;
    }

    /** The newest completed checkpoint, or null when none has completed yet. */
    Completed latest() throws IOException, InterruptedException {
        JsonNode completed = get("/jobs/" + job + "/checkpoints").path("latest").path("completed");
        if (completed.isMissingNode() || completed.isNull()) {
            return null;
        }
        long id = completed.path("id").asLong();
        JsonNode details = get("/jobs/" + job + "/checkpoints/details/" + id).path("tasks");
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode v : get("/jobs/" + job).path("vertices")) {
            names.put(v.path("id").asText(), v.path("name").asText());
        }
        Map<String, Long> byVertex = new LinkedHashMap<>();
        details.properties()
                .forEach(e -> byVertex.put(
                        names.getOrDefault(e.getKey(), e.getKey()),
                        e.getValue().path("state_size").asLong()));
        return new Completed(
                id,
                completed.path("state_size").asLong(),
                completed.path("external_path").asText(),
                byVertex);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(rest.resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return CloudEventJson.mapper().readTree(response.body());
    }
}
