package org.eldercare.benchmark.intake;

import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.tools.simulator.CitySimulator;

/**
 * Request bodies of simulator events, grouped by the owning operator so each batch carries that operator's token:
 * the registrations once, then live events made on a generator thread ahead of the clients (a bounded queue, so
 * generation never runs far ahead and never holds the whole run in memory). Every live event has a fresh id.
 */
final class EventBatches implements AutoCloseable {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** One POST: the token of the events' operator, the JSON array, and how many events it holds. */
    record Batch(String token, byte[] body, int events) {}

    private final CitySimulator simulator;
    private final Map<String, String> tokenByOperator;
    private final int batchSize;
    private final BlockingQueue<Batch> queue;
    private final Thread generator;
    private volatile boolean running = true;

    EventBatches(CitySimulator simulator, Map<String, String> tokenByOperator, int batchSize) {
        this.simulator = simulator;
        this.tokenByOperator = tokenByOperator;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(Math.max(64, 100_000 / batchSize));
        this.generator = Thread.ofPlatform().daemon().name("event-generator").unstarted(this::generate);
    }

    /** The start of the world, in batches of at most 1,000. Call before {@link #start()}. */
    List<Batch> registrations() {
        return batches(simulator.registrations(OffsetDateTime.now(SHANGHAI)), 1000);
    }

    void start() {
        generator.start();
    }

    Batch take() throws InterruptedException {
        return queue.take();
    }

    private void generate() {
        Map<String, List<CareEvent>> pending = new HashMap<>();
        try {
            while (running) {
                OffsetDateTime now = OffsetDateTime.now(SHANGHAI).minusSeconds(1);
                for (int i = 0; i < 256; i++) {
                    CareEvent event = simulator.next(now);
                    List<CareEvent> list = pending.computeIfAbsent(event.operatorId(), k -> new ArrayList<>(batchSize));
                    list.add(event);
                    if (list.size() == batchSize) {
                        queue.put(batch(list));
                        list.clear();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Batch> batches(List<CareEvent> events, int size) {
        Map<String, List<CareEvent>> byOperator = new HashMap<>();
        events.forEach(e -> byOperator
                .computeIfAbsent(e.operatorId(), k -> new ArrayList<>())
                .add(e));
        List<Batch> out = new ArrayList<>();
        for (List<CareEvent> list : byOperator.values()) {
            for (int from = 0; from < list.size(); from += size) {
                out.add(batch(list.subList(from, Math.min(list.size(), from + size))));
            }
        }
        return out;
    }

    private Batch batch(List<CareEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 400);
        out.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(CloudEventJson.write(events.get(i)));
        }
        out.write(']');
        String operator = events.getFirst().operatorId();
        String token = tokenByOperator.get(operator);
        if (token == null) {
            throw new IllegalStateException("tokens: no token for operator " + operator);
        }
        return new Batch(token, out.toByteArray(), events.size());
    }

    @Override
    public void close() {
        running = false;
        generator.interrupt();
    }
}
