package org.eldercare.benchmark.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eldercare.benchmark.common.Latencies;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.MealServed;
import org.eldercare.ingest.event.MealType;
import org.eldercare.ingest.region.Street;
import org.eldercare.tools.simulator.CitySimulator;

/**
 * Event-to-indicator freshness under steady load. Simulator events go to Kafka at a fixed rate; among them, every
 * {@value #PROBE_EVERY_TICKS}th 10 ms tick, a probe: one {@code meal.served} with one meal at a probe facility,
 * alternating between two probe streets whose other meals are held back. So a street's {@code mealsServedToday}
 * counts exactly its probes, and probe k is visible once the street's indicator document in Elasticsearch shows at
 * least k. A poller reads those documents by id (real-time GET) every {@value #POLL_MILLIS} ms; latency is from
 * just before the probe's send to the poll that first shows it, so it includes up to one poll interval.
 */
final class FreshnessProbe {

    static final int PROBE_EVERY_TICKS = 5;
    static final int POLL_MILLIS = 20;
    private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

    private final EventProducer producer;
    private final CitySimulator simulator;
    private final List<Street> streets;
    private final URI elasticsearch;
    private final String runId;
    private final Set<String> heldBackFacilities;
    private final List<List<Long>> sentNanos = new ArrayList<>();
    private final Latencies latencies = new Latencies();
    private volatile long windowFrom = Long.MAX_VALUE;
    private volatile long windowTo = Long.MAX_VALUE;
    private long probes;
    private long unseen;

    FreshnessProbe(EventProducer producer, CitySimulator simulator, List<Street> streets, String esUrl, String runId) {
        this.producer = producer;
        this.simulator = simulator;
        this.streets = streets;
        this.elasticsearch = URI.create(esUrl);
        this.runId = runId;
        Set<String> codes = streets.stream().map(Street::code).collect(Collectors.toSet());
        this.heldBackFacilities = simulator.facilities().stream()
                .filter(f -> codes.contains(f.streetCode()))
                .map(FacilityDetails::facilityId)
                .collect(Collectors.toSet());
        streets.forEach(s -> sentNanos.add(new ArrayList<>()));
    }

    List<CareEvent> probeRegistrations(OffsetDateTime at) {
        List<CareEvent> out = new ArrayList<>();
        for (Street s : streets) {
            FacilityDetails f = new FacilityDetails(
                    probeFacility(s),
                    FacilityKind.CARE_CENTER,
                    "探针照料中心",
                    s.districtCode(),
                    s.code(),
                    s.centroid(),
                    10,
                    2000,
                    FacilityStatus.OPERATING);
            out.add(new CareEvent(
                    runId + "-probe-reg-" + s.code(), "/operators/op-1", EventType.FACILITY_REGISTERED, at, f));
        }
        return out;
    }

    private String probeFacility(Street s) {
        return "probe-" + runId + "-" + s.code();
    }

    /** Produces at {@code rate} for warm-up plus duration; probes sent inside the measured part are measured. */
    void run(double rate, Duration warmup, Duration duration) throws Exception {
        long start = System.nanoTime();
        windowFrom = start + warmup.toNanos();
        windowTo = windowFrom + duration.toNanos();
        long[] seen = new long[streets.size()];
        for (int i = 0; i < streets.size(); i++) {
            seen[i] = mealsServedToday(streets.get(i));
        }
        Thread poller = Thread.ofPlatform().daemon().name("freshness-poller").start(() -> poll(seen));
        double owed = 0;
        long tick = 0;
        while (System.nanoTime() < windowTo) {
            long tickStart = start + tick * 10_000_000L;
            owed += rate / 100.0;
            OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
            if (tick % PROBE_EVERY_TICKS == 0 && owed >= 1) {
                int street = (int) (probes % streets.size());
                sentNanos.get(street).add(System.nanoTime());
                producer.send(new CareEvent(
                        runId + "-probe-" + probes,
                        "/operators/op-1",
                        EventType.MEAL_SERVED,
                        now,
                        new MealServed(probeFacility(streets.get(street)), 1, MealType.LUNCH, null)));
                probes++;
                owed--;
            }
            for (; owed >= 1; owed--) {
                CareEvent e = simulator.next(now);
                while (e.type() == EventType.MEAL_SERVED && heldBackFacilities.contains(e.partitionKey())) {
                    e = simulator.next(now);
                }
                producer.send(e);
            }
            tick++;
            long sleep = start + tick * 10_000_000L - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        // Let the last probes arrive, then stop looking.
        Thread.sleep(10_000);
        poller.interrupt();
        poller.join();
    }

    private void poll(long[] seen) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (int i = 0; i < streets.size(); i++) {
                    long value = mealsServedToday(streets.get(i));
                    long now = System.nanoTime();
                    List<Long> sent = sentNanos.get(i);
                    synchronized (this) {
                        for (long k = seen[i]; k < value && k < sent.size(); k++) {
                            long at = sent.get((int) k);
                            if (at >= windowFrom && at <= windowTo) {
                                latencies.record(now - at);
                            }
                        }
                    }
                    seen[i] = Math.max(seen[i], value);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            for (int i = 0; i < streets.size(); i++) {
                for (int k = (int) seen[i]; k < sentNanos.get(i).size(); k++) {
                    long at = sentNanos.get(i).get(k);
                    if (at >= windowFrom && at <= windowTo) {
                        unseen++;
                    }
                }
            }
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    long mealsServedToday(Street street) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(elasticsearch.resolve("/indicators/_doc/" + street.code()))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return 0;
            }
            JsonNode doc = CloudEventJson.mapper().readTree(response.body());
            return doc.path("_source").path("mealsServedToday").asLong(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            return 0;
        }
    }

    Latencies latencies() {
        return latencies;
    }

    synchronized long unseen() {
        return unseen;
    }

    long probes() {
        return probes;
    }
}
