package org.eldercare.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * A small reader of a Flink cluster's REST API ({@code /overview}, {@code /jobs/overview}, {@code /jobs/<id>}) over
 * the endpoint's mutual TLS, for the cluster mode's launcher and its tests. Reads JSON with patterns: it needs a few
 * numbers and states, and no JSON library is on this module's classpath.
 */
public final class FlinkRest implements AutoCloseable {

    /** Job states from which Flink may still run the job; anything else is over. */
    private static final Set<String> LIVE = Set.of(
            "INITIALIZING", "CREATED", "RUNNING", "FAILING", "CANCELLING", "RESTARTING", "SUSPENDED", "RECONCILING");

    private static final Pattern JOB =
            Pattern.compile("\"jid\"\\s*:\\s*\"([0-9a-f]+)\".*?\"state\"\\s*:\\s*\"([A-Z_]+)\"");

    private final String base;
    private final HttpClient http;

    public FlinkRest(String base, SSLContext tls) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
    }

    public String base() {
        return base;
    }

    /** {@code GET path}'s body; fails unless it answers 200. */
    public String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    public int freeSlots() throws IOException, InterruptedException {
        return number(get("/overview"), "slots-available");
    }

    public int busySlots() throws IOException, InterruptedException {
        String overview = get("/overview");
        return number(overview, "slots-total") - number(overview, "slots-available");
    }

    public int taskManagers() throws IOException, InterruptedException {
        return number(get("/overview"), "taskmanagers");
    }

    /** The state of job {@code id} (RUNNING, RESTARTING, ...). */
    public String jobState(String id) throws IOException, InterruptedException {
        Matcher state = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"").matcher(get("/jobs/" + id));
        return state.find() ? state.group(1) : "UNKNOWN";
    }

    /** Every job the JobManager knows, as {@code id=STATE}. */
    public List<String> jobs() throws IOException, InterruptedException {
        List<String> jobs = new ArrayList<>();
        for (String entry : get("/jobs/overview").split("\\},\\s*\\{")) {
            Matcher job = JOB.matcher(entry);
            if (job.find()) {
                jobs.add(job.group(1) + "=" + job.group(2));
            }
        }
        return jobs;
    }

    /** Whether any job is in a state from which it still runs. */
    public boolean hasLiveJob() throws IOException, InterruptedException {
        return jobs().stream().anyMatch(j -> LIVE.contains(j.substring(j.indexOf('=') + 1)));
    }

    private static int number(String json, String field) throws IOException {
        Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*(\\d+)")
                .matcher(json);
        if (!m.find()) {
            throw new IOException("no " + field + " in " + json);
        }
        return Integer.parseInt(m.group(1));
    }

    @Override
    public void close() {
        http.close();
    }
}
