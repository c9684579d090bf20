package org.eldercare.benchmark.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.eldercare.benchmark.common.Latencies;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.ingest.event.ServiceType;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.index.IndexRegistry;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.PiiKeyring;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.normalize.RecipientTokeniser;

/**
 * The hotline's freshness under a steady stream of service records: how long from a record's send to Kafka until its
 * recipient can be found by a search of the {@code recipients} index, as the hotline's match finds candidates.
 *
 * <p>A probe is a {@code service.delivered} for a new person with a phone number no one else has; it is found once
 * a search (after a refresh: what a candidate query sees, not a real-time GET) returns a recipient document with that
 * number's keyed hash, whatever person the resolver filed it under. A poller looks for every outstanding probe every
 * {@value #POLL_MILLIS} ms, so a latency overstates by up to one poll interval.
 */
final class RecipientFreshness {

    static final int POLL_MILLIS = 20;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String NAME_CHARACTERS = "春夏秋冬梅兰竹菊松柏桃李杏桂荷莲芝兰芸萱蕙薇玉珠琳琪瑶璐霞云霜雪虹岚峰岩川泉溪涛澜波清澄明朗晴晖";

    private final EventProducer producer;
    private final RecipientTokeniser sealer;
    private final RecipientNormalizer normalizer;
    private final FacilityDetails facility;
    private final String source;
    private final String runId;
    private final URI search;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Long> outstanding = new HashMap<>();
    private final Latencies latencies = new Latencies();
    private volatile long windowFrom = Long.MAX_VALUE;
    private volatile long windowTo = Long.MAX_VALUE;
    private long probes;
    private long unseen;

    RecipientFreshness(
            EventProducer producer,
            RecipientTokeniser sealer,
            FacilityDetails facility,
            String owner,
            String elasticsearchUrl,
            String runId) {
        this.producer = producer;
        this.sealer = sealer;
        this.normalizer = new RecipientNormalizer(sealer.pii(), new Addresses(Regions.load()));
        this.facility = facility;
        this.source = "/operators/" + owner;
        this.runId = runId;
        this.search = URI.create(elasticsearchUrl).resolve("/" + IndexRegistry.RECIPIENTS.name() + "/_search");
    }

    /**
     * Sends {@code background} records at {@code rate} per second, with {@code probesPerSecond} probes among them,
     * for warm-up plus duration; probes sent in the measured part are measured. Then waits 10 s for the last ones.
     */
    void run(Supplier<CareEvent> background, double rate, int probesPerSecond, Duration warmup, Duration duration)
            throws Exception {
        long start = System.nanoTime();
        windowFrom = start + warmup.toNanos();
        windowTo = windowFrom + duration.toNanos();
        Thread poller = Thread.ofPlatform().daemon().name("recipient-freshness").start(this::poll);
        long probeEveryTicks = Math.max(1, 100 / Math.max(1, probesPerSecond));
        double owed = 0;
        long tick = 0;
        while (System.nanoTime() < windowTo) {
            owed += rate / 100.0;
            if (tick % probeEveryTicks == 0) {
                sendProbe();
                owed--;
            }
            for (; owed >= 1; owed--) {
                producer.send(background.get());
            }
            tick++;
            long sleep = start + tick * 10_000_000L - System.nanoTime();
            if (sleep > 0) {
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        }
        Thread.sleep(10_000);
        poller.interrupt();
        poller.join();
        synchronized (this) {
            unseen = outstanding.values().stream()
                    .filter(at -> at >= windowFrom && at <= windowTo)
                    .count();
        }
    }

    private void sendProbe() {
        long k = probes++;
        Recipient person = new Recipient(
                "探" + NAME_CHARACTERS.charAt((int) (k / NAME_CHARACTERS.length() % NAME_CHARACTERS.length()))
                        + NAME_CHARACTERS.charAt((int) (k % NAME_CHARACTERS.length())),
                null,
                String.format("1990%07d", k),
                k % 2 == 0 ? "F" : "M",
                null,
                null,
                null);
        String phoneHash = normalizer.normalize(person).phoneHash();
        OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
        CareEvent record = sealer.seal(new CareEvent(
                runId + "-probe-" + k,
                source,
                EventType.SERVICE_DELIVERED,
                now,
                new ServiceDelivered(
                        runId + "-probe-" + k,
                        facility.facilityId(),
                        null,
                        ServiceType.HEALTH_CHECK,
                        now.minusMinutes(15).truncatedTo(ChronoUnit.SECONDS),
                        15,
                        person)));
        synchronized (this) {
            outstanding.put(phoneHash, System.nanoTime());
        }
        producer.send(record);
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                List<String> hashes;
                synchronized (this) {
                    hashes = List.copyOf(outstanding.keySet());
                }
                if (!hashes.isEmpty()) {
                    for (String found : searchable(hashes)) {
                        long now = System.nanoTime();
                        synchronized (this) {
                            Long sent = outstanding.remove(found);
                            if (sent != null && sent >= windowFrom && sent <= windowTo) {
                                latencies.record(now - sent);
                            }
                        }
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Which of {@code phoneHashes} a search of the recipients index finds now. */
    private List<String> searchable(List<String> phoneHashes) throws InterruptedException {
        ObjectNode body = json.createObjectNode();
        body.put("size", phoneHashes.size());
        body.put("track_total_hits", false);
        body.putArray("_source").add("phoneHashes");
        ObjectNode terms = body.putObject("query").putObject("terms");
        phoneHashes.forEach(terms.putArray("phoneHashes")::add);
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(search)
                            .timeout(Duration.ofSeconds(5))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return List.of();
            }
            Set<String> wanted = new HashSet<>(phoneHashes);
            List<String> found = new ArrayList<>();
            for (JsonNode hit : json.readTree(response.body()).path("hits").path("hits")) {
                for (JsonNode hash : hit.path("_source").path("phoneHashes")) {
                    if (wanted.contains(hash.asText())) {
                        found.add(hash.asText());
                    }
                }
            }
            return found;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return List.of();
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

    /** The public demo keys of the local run, which the benchmark's job is allowed (docs/CONTRACT.md §6.7). */
    static RecipientTokeniser demoSealer() {
        return new RecipientTokeniser(Pii.withKey(Pii.DEMO_KEY), PiiKeyring.parse(PiiKeyring.DEMO_KEYS, "demo"));
    }
}
