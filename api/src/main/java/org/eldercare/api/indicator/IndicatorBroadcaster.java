package org.eldercare.api.indicator;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.indicator.IndicatorSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes indicator changes to every open SSE stream (docs/CONTRACT.md §3 and §6.1). It polls the
 * indicators index (a few dozen documents) and sends each scope whose {@code asOf} moved; polling the
 * index, rather than the job's output topic, means a client only ever sees what the REST endpoints
 * would return.
 *
 * <p>A new stream is committed at once with a comment line and then gets a snapshot of every scope, so
 * a browser's {@code EventSource} opens without waiting for the next change. A failed read of the index
 * is logged (once per failure spell, then at most once a minute), sent to the clients as an {@code
 * unavailable} event and reported by {@link #lastFailure()} for {@code /api/v1/status}.
 */
@Component
class IndicatorBroadcaster {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorBroadcaster.class);
    private static final Duration REPEAT_WARNING = Duration.ofMinutes(1);

    /** Why a stream was not opened; the controller answers 429 with this text. */
    record Refusal(String detail) {}

    /** The last failed read of the indicators index, while reads keep failing. */
    record Failure(Instant since, Instant last, String reason) {}

    private record Client(SseEmitter emitter, String token) {}

    /** Every scope's current indicators; the index in production. */
    @FunctionalInterface
    interface Scopes {
        List<IndicatorDocument> read();
    }

    private final Scopes scopes;
    private final StreamProperties limits;
    private final Clock clock;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perToken = new ConcurrentHashMap<>();
    private final Map<String, IndicatorDocument> latest = new ConcurrentHashMap<>();
    private volatile Failure failure;
    private volatile Instant lastWarning = Instant.EPOCH;

    @Autowired
    IndicatorBroadcaster(IndicatorSearch indicators, StreamProperties limits, Clock clock) {
        this(
                () -> {
                    List<IndicatorDocument> all = new ArrayList<>(indicators.districts());
                    all.addAll(indicators.streets(null));
                    return all;
                },
                limits,
                clock);
    }

    IndicatorBroadcaster(Scopes scopes, StreamProperties limits, Clock clock) {
        this.scopes = scopes;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Opens a stream for the principal named {@code token}, or refuses when that principal or the server holds as many as the
     * limits allow.
     */
    Subscription subscribe(String token) {
        synchronized (perToken) {
            if (clients.size() >= limits.maxTotal()) {
                return new Subscription(
                        null,
                        new Refusal("indicator stream: the server holds its maximum of " + limits.maxTotal()
                                + " open streams; retry later"));
            }
            AtomicInteger open = perToken.computeIfAbsent(token, t -> new AtomicInteger());
            if (open.get() >= limits.maxPerToken()) {
                return new Subscription(
                        null,
                        new Refusal("indicator stream: at most " + limits.maxPerToken()
                                + " open streams per token; close one before opening another"));
            }
            open.incrementAndGet();
        }
        SseEmitter emitter = new SseEmitter(limits.timeout().toMillis());
        Client client = new Client(emitter, token);
        emitter.onCompletion(() -> remove(client));
        emitter.onTimeout(() -> remove(client));
        emitter.onError(e -> remove(client));
        clients.add(client);
        // The comment commits the response: EventSource fires `open` on the first bytes it gets.
        if (send(client, SseEmitter.event().comment("connected"))) {
            snapshot().forEach(doc -> send(client, indicatorEvent(doc)));
            Failure current = failure;
            if (current != null) {
                send(client, errorEvent(current));
            }
        }
        return new Subscription(emitter, null);
    }

    /** What {@link #subscribe} gave: an emitter, or the reason there is none. */
    record Subscription(SseEmitter emitter, Refusal refusal) {}

    int openStreams() {
        return clients.size();
    }

    Optional<Failure> lastFailure() {
        return Optional.ofNullable(failure);
    }

    @Scheduled(fixedDelayString = "${eldercare.indicators.stream.poll:PT1S}")
    void poll() {
        if (clients.isEmpty()) {
            latest.clear();
            return;
        }
        List<IndicatorDocument> changed = new ArrayList<>();
        try {
            for (IndicatorDocument doc : scopes.read()) {
                IndicatorDocument previous = latest.put(doc.code(), doc);
                if (previous == null || !previous.asOf().equals(doc.asOf())) {
                    changed.add(doc);
                }
            }
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        recovered();
        for (IndicatorDocument doc : changed) {
            clients.forEach(c -> send(c, indicatorEvent(doc)));
        }
    }

    @Scheduled(fixedDelayString = "${eldercare.indicators.stream.heartbeat:PT10S}")
    void heartbeat() {
        clients.forEach(c -> send(c, SseEmitter.event().comment("heartbeat")));
    }

    /** The scopes a new client starts from: the last poll's, or a fresh read before the first poll. */
    private List<IndicatorDocument> snapshot() {
        if (!latest.isEmpty()) {
            return List.copyOf(latest.values());
        }
        try {
            List<IndicatorDocument> all = scopes.read();
            all.forEach(doc -> latest.putIfAbsent(doc.code(), doc));
            recovered();
            return all;
        } catch (RuntimeException e) {
            failed(e);
            return List.of();
        }
    }

    private void failed(RuntimeException e) {
        Instant now = clock.instant();
        Failure previous = failure;
        String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
        failure = new Failure(previous == null ? now : previous.since(), now, reason);
        if (previous == null || Duration.between(lastWarning, now).compareTo(REPEAT_WARNING) >= 0) {
            lastWarning = now;
            LOG.warn(
                    "indicator stream: reading the indicators index failed{}; clients keep their stream and get an"
                            + " error event: {}",
                    previous == null ? "" : " (failing since " + previous.since() + ")",
                    reason);
            clients.forEach(c -> send(c, errorEvent(failure)));
        }
    }

    private void recovered() {
        Failure previous = failure;
        if (previous != null) {
            failure = null;
            LOG.info("indicator stream: reading the indicators index works again (failed since {})", previous.since());
        }
    }

    private static SseEmitter.SseEventBuilder indicatorEvent(IndicatorDocument doc) {
        return SseEmitter.event().name("indicator").id(doc.code()).data(doc);
    }

    private static SseEmitter.SseEventBuilder errorEvent(Failure failure) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "INDICATORS_UNAVAILABLE");
        body.put("message", "indicators cannot be read right now; the stream stays open and resumes by itself");
        body.put("since", failure.since().toString());
        return SseEmitter.event().name("unavailable").data(body);
    }

    private boolean send(Client client, SseEmitter.SseEventBuilder event) {
        try {
            client.emitter().send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            // The client went away; its emitter is finished and its slot given back.
            remove(client);
            client.emitter().completeWithError(e);
            return false;
        }
    }

    private void remove(Client client) {
        if (clients.remove(client)) {
            synchronized (perToken) {
                AtomicInteger open = perToken.get(client.token());
                if (open != null && open.decrementAndGet() <= 0) {
                    perToken.remove(client.token());
                }
            }
        }
    }
}
