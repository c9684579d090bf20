package org.eldercare.api.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eldercare.api.status.ClusterView;
import org.eldercare.api.status.ComponentCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The Flink cluster of {@code eldercare.flink.rest-url}, read from its REST API at each status request
 * (docs/CONTRACT.md §6.10): {@code flink} in {@code /api/v1/status} lists the TaskManagers with their slots and the
 * jobs with their states; {@code components.flink} is UP while a job runs. The endpoint's mutual TLS uses the client
 * key of {@code eldercare.flink.rest-keystore}, which is also the only certificate trusted.
 */
@Component
@ConditionalOnProperty(name = "eldercare.flink.rest-url")
class FlinkClusterStatus implements ClusterView, ComponentCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;

    FlinkClusterStatus(FlinkRestProperties properties) {
        this.base = properties.restUrl();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (properties.restKeystore() != null) {
            builder.sslContext(mutualTls(properties));
        }
        this.http = builder.build();
    }

    private static SSLContext mutualTls(FlinkRestProperties properties) {
        try (InputStream in = Files.newInputStream(properties.restKeystore())) {
            char[] password = properties.restKeystorePassword().toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return tls;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "eldercare.flink.rest-keystore: cannot be read as PKCS12 with its password: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        try {
            List<Map<String, Object>> taskManagers = new ArrayList<>();
            for (JsonNode tm : get("/taskmanagers").path("taskmanagers")) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("id", tm.path("id").asText());
                one.put("slots", tm.path("slotsNumber").asInt());
                one.put("freeSlots", tm.path("freeSlots").asInt());
                taskManagers.add(one);
            }
            List<Map<String, Object>> jobs = new ArrayList<>();
            for (JsonNode job : get("/jobs/overview").path("jobs")) {
                jobs.add(Map.of(
                        "id", job.path("jid").asText(),
                        "name", job.path("name").asText(),
                        "state", job.path("state").asText()));
            }
            view.put("taskManagers", taskManagers);
            view.put("jobs", jobs);
        } catch (IOException e) {
            view.put("error", "Flink REST at " + base + " unreadable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            view.put("error", "interrupted");
        }
        return view;
    }

    @Override
    public String name() {
        return "flink";
    }

    @Override
    public State check() {
        Map<String, Object> view = view();
        if (view.containsKey("error")) {
            return new State(false, (String) view.get("error"));
        }
        List<?> taskManagers = (List<?>) view.get("taskManagers");
        List<?> running = ((List<?>) view.get("jobs"))
                .stream()
                        .filter(job -> "RUNNING".equals(((Map<?, ?>) job).get("state")))
                        .toList();
        return new State(
                !running.isEmpty(),
                taskManagers.size() + " TaskManager(s), " + running.size() + " running job(s) at " + base);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
