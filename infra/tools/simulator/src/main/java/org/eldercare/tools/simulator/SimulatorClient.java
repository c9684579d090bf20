package org.eldercare.tools.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.region.Regions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link CitySimulator} against a running API: registrations first, then live events at
 * {@link SimulatorConfig#rate()} events per second, as {@code application/cloudevents-batch+json}
 * POSTs to {@code /api/v1/events} with each facility owner's bearer token. The civil-affairs register
 * (docs/CONTRACT.md §7) goes through the same intake with the CIVIL_AFFAIRS token: the registrations after the
 * facilities', then {@link SimulatorConfig#registerChangesPerMinute()} changes a minute among the live events. The
 * home terminals (§9) are bound after the register; their signals, visits and the hotline desk's incident steps (with
 * the HOTLINE token) go with each second's live events.
 *
 * <p>A batch answered with 503 (or 429, or not answered) is sent again unchanged until it is taken:
 * safe, because the platform counts an event once per {@code (source, id)}. Before registering, it
 * reads each facility's {@code occupiedBeds} so that a restarted simulator never overfills beds the
 * platform already counts. Logs progress about every 10 seconds. {@link #close()} stops it.
 */
public final class SimulatorClient implements Runnable, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatorClient.class);
    private static final String BATCH_TYPE = "application/cloudevents-batch+json";
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final SimulatorConfig config;
    private final CitySimulator simulator;
    private final Clock clock;
    private final HttpClient http;
    private final SimulatorStats stats = new SimulatorStats();
    private volatile boolean running = true;
    private volatile Thread thread;

    /** A simulator over the reference data, with a run id from the start time unless one is set. */
    public SimulatorClient(SimulatorConfig config) {
        this(
                config.runId() != null ? config : config.withRunId("r" + Long.toString(System.currentTimeMillis(), 36)),
                null,
                Clock.systemUTC());
    }

    public SimulatorClient(SimulatorConfig config, CitySimulator simulator, Clock clock) {
        this.config = config;
        this.simulator = simulator != null ? simulator : new CitySimulator(config, Regions.load());
        this.clock = clock;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Runs on a daemon thread named {@code city-simulator}. */
    public synchronized void start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name("city-simulator").daemon().start(this);
        }
    }

    public SimulatorStats stats() {
        return stats;
    }

    @Override
    public void run() {
        log.info(
                "simulator: {} facilities, sending to {}",
                simulator.facilities().size(),
                config.baseUrl());
        try {
            syncOccupancy();
            send(simulator.registrations(OffsetDateTime.now(clock)));
            send(simulator.register(OffsetDateTime.now(clock)));
            send(simulator.devices(OffsetDateTime.now(clock)));
            log.info(
                    "simulator: registrations, a register of {} older people and {} devices sent,"
                            + " live traffic at {} events/s",
                    simulator.registered(),
                    simulator.devicesBound(),
                    config.rate());
            live();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.info("simulator: stopped; {}", stats);
    }

    private void live() throws InterruptedException {
        long lastProgress = System.nanoTime();
        double owed = 0;
        double registerOwed = 0;
        while (running) {
            long tickStart = System.nanoTime();
            owed += config.rate();
            int count = (int) owed;
            owed -= count;
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<CareEvent> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                // Spread over the past second: never in the future, in order.
                events.add(simulator.next(now.minusNanos((long) ((count - i) * 1e9 / count))));
            }
            if (simulator.registered() > 0) {
                registerOwed += config.registerChangesPerMinute() / 60;
                for (; registerOwed >= 1; registerOwed--) {
                    events.add(simulator.registerChange(now));
                }
            }
            events.addAll(simulator.terminals(now));
            send(events);
            if (System.nanoTime() - lastProgress >= PROGRESS_EVERY.toNanos()) {
                log.info("simulator: {}", stats);
                lastProgress = System.nanoTime();
            }
            long sleepNanos = Duration.ofSeconds(1).toNanos() - (System.nanoTime() - tickStart);
            if (sleepNanos > 0) {
                Thread.sleep(Duration.ofNanos(sleepNanos));
            }
        }
    }

    /**
     * Sends the events grouped by token (each operator's own, the civil-affairs one for the register), each group in
     * batches of at most {@code batchSize}.
     */
    private void send(List<CareEvent> events) throws InterruptedException {
        Map<String, List<CareEvent>> byToken = new LinkedHashMap<>();
        for (CareEvent e : events) {
            byToken.computeIfAbsent(tokenFor(e), k -> new ArrayList<>()).add(e);
        }
        for (var group : byToken.entrySet()) {
            String token = group.getKey();
            List<CareEvent> list = group.getValue();
            for (int from = 0; from < list.size() && running; from += config.batchSize()) {
                List<CareEvent> batch = list.subList(from, Math.min(list.size(), from + config.batchSize()));
                postUntilTaken(batch, token);
            }
        }
    }

    private String tokenFor(CareEvent e) {
        if (e.source().startsWith(CareEvent.CIVIL_AFFAIRS_SOURCE_PREFIX)) {
            return config.civilAffairsToken();
        }
        if (e.source().startsWith(CareEvent.HOTLINE_SOURCE_PREFIX)) {
            return config.terminals().hotlineToken();
        }
        String token = config.tokens().get(e.operatorId());
        if (token == null) {
            throw new IllegalStateException("tokens: no token for operator " + e.operatorId());
        }
        return token;
    }

    private void postUntilTaken(List<CareEvent> batch, String token) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(config.baseUrl().resolve("/api/v1/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", BATCH_TYPE)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(batch)))
                .build();
        Duration backoff = Duration.ofMillis(250);
        while (running) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status == 202) {
                    stats.taken(batch.size(), CloudEventJson.mapper().readTree(response.body()));
                    return;
                }
                if (status != 503 && status != 429 && status != 502 && status != 504) {
                    stats.dropped(batch.size());
                    log.warn("simulator: batch of {} refused with HTTP {}, not resent", batch.size(), status);
                    return;
                }
                log.debug("simulator: HTTP {}, resending the same batch in {}", status, backoff);
            } catch (IOException e) {
                log.debug(
                        "simulator: {} ({}), resending the same batch in {}",
                        e.getClass().getSimpleName(),
                        e.getMessage(),
                        backoff);
            }
            stats.retried();
            Thread.sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    /**
     * Reads occupied beds the platform already counts. Waits for the API to answer at all (it may
     * still be starting), then treats anything but a readable 200 as "not registered yet".
     */
    private void syncOccupancy() throws InterruptedException {
        Duration backoff = Duration.ofMillis(250);
        for (FacilityDetails f : simulator.facilities()) {
            String token = config.tokens().get(simulator.ownerOf(f.facilityId()));
            HttpRequest request = HttpRequest.newBuilder(
                            config.baseUrl().resolve(URI.create("/api/v1/facilities/" + f.facilityId())))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token)
                    .GET()
                    .build();
            while (running) {
                try {
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() == 200) {
                        JsonNode body = CloudEventJson.mapper().readTree(response.body());
                        simulator.assumeOccupied(
                                f.facilityId(), body.path("occupiedBeds").asInt(0));
                    }
                    break;
                } catch (IOException e) {
                    Thread.sleep(backoff);
                    backoff =
                            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        }
    }

    private static byte[] body(List<CareEvent> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 400);
        out.write('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(CloudEventJson.write(batch.get(i)));
        }
        out.write(']');
        return out.toByteArray();
    }

    @Override
    public void close() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
