package org.eldercare.api.incident;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eldercare.api.recipient.AuditLog;
import org.eldercare.api.system.Caller;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes each incident's latest document to the open incident streams when it changes (docs/CONTRACT.md §9.7). What
 * changed is told by the records of {@code eldercare.incidents.v1} ({@link #arrived}, fed by {@link IncidentFeed});
 * what is sent is the document the index holds, so a client sees what {@code GET /api/v1/incidents} would show. A
 * document that does not yet hold the record's transition (the index and the topic are two sinks) is read again
 * shortly, so a client never gets an older state than the record announced.
 *
 * <p>A stream opens committed at once with a comment, then gets the open incidents, so the console starts complete.
 * Opening one is a personal-data read (the documents carry a masked person and their labels) and is audited first.
 */
@Component
class IncidentBroadcaster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentBroadcaster.class);

    /** The most open incidents a new stream is sent before changes. */
    static final int SNAPSHOT = 200;

    /** Why a stream was not opened; the controller answers 429 with this text. */
    record Refusal(String detail) {}

    /** What {@link #subscribe} gave: an emitter, or the reason there is none. */
    record Subscription(SseEmitter emitter, Refusal refusal) {}

    /**
     * An open stream. {@code missedSnapshot} is set when it opened while the index could not be read, or was open when a
     * failure spell began (a transition that arrived then was not pushed): it is sent the open incidents, and the
     * current document of each one in {@code shownOpen} that is open no longer, once the index can be read again.
     * {@code shownOpen} holds the incidents last sent to it in a state other than RESOLVED.
     */
    private record Client(
            SseEmitter emitter, String token, String streetCode, AtomicBoolean missedSnapshot, Set<String> shownOpen) {
        boolean wants(IncidentDocument doc) {
            return streetCode == null || streetCode.equals(doc.streetCode());
        }
    }

    private final IncidentReader incidents;
    private final AuditLog audit;
    private final IncidentStreamProperties limits;
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perToken = new ConcurrentHashMap<>();
    private final ScheduledExecutorService rereads = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "incident-stream-reread");
        t.setDaemon(true);
        return t;
    });
    /** Guards the two failure reasons and the events that tell the streams about them, so none overtakes another. */
    private final Object health = new Object();
    /** Why the topic, or the index, cannot be read now; null while it can. Written under {@link #health}. */
    private volatile String topicDown;

    private volatile String indexDown;

    IncidentBroadcaster(IncidentReader incidents, AuditLog audit, IncidentStreamProperties limits) {
        this.incidents = incidents;
        this.audit = audit;
        this.limits = limits;
    }

    /**
     * Opens a stream for {@code caller}, of one street or all ({@code streetCode} null), or refuses when that
     * principal or the server holds as many as the limits allow. The audit entry is written before anything is sent;
     * when it cannot be, the stream is not opened (the audit's 503).
     */
    Subscription subscribe(Caller caller, String streetCode) {
        String token = caller.name();
        synchronized (perToken) {
            if (clients.size() >= limits.maxTotal()) {
                return new Subscription(
                        null,
                        new Refusal("incident stream: the server holds its maximum of " + limits.maxTotal()
                                + " open streams; retry later"));
            }
            AtomicInteger open = perToken.computeIfAbsent(token, t -> new AtomicInteger());
            if (open.get() >= limits.maxPerToken()) {
                return new Subscription(
                        null,
                        new Refusal("incident stream: at most " + limits.maxPerToken()
                                + " open streams per token; close one before opening another"));
            }
            open.incrementAndGet();
        }
        Client client;
        List<IncidentDocument> snapshot;
        try {
            snapshot = readOpen(streetCode);
            Map<String, Object> query = new LinkedHashMap<>();
            if (streetCode != null) {
                query.put("streetCode", streetCode);
            }
            audit.record(
                    caller,
                    "INCIDENT_STREAM",
                    streetCode == null ? "*" : streetCode,
                    query,
                    snapshot == null ? 0 : snapshot.size());
            client = new Client(
                    new SseEmitter(limits.timeout().toMillis()),
                    token,
                    streetCode,
                    new AtomicBoolean(snapshot == null),
                    ConcurrentHashMap.newKeySet());
        } catch (RuntimeException e) {
            release(token);
            throw e;
        }
        SseEmitter emitter = client.emitter();
        emitter.onCompletion(() -> remove(client));
        emitter.onTimeout(() -> remove(client));
        emitter.onError(e -> remove(client));
        clients.add(client);
        // The comment commits the response: EventSource fires `open` on the first bytes it gets.
        if (send(client, SseEmitter.event().comment("connected"))) {
            if (snapshot != null) {
                snapshot.forEach(doc -> sendIncident(client, doc));
            }
            synchronized (health) {
                if (topicDown != null || indexDown != null) {
                    send(client, unavailableEvent());
                } else if (client.missedSnapshot().get()) {
                    // The spell ended between this stream's read and now, so the probe that ended it did not see it.
                    runSoon(this::catchUp);
                }
            }
        }
        return new Subscription(emitter, null);
    }

    /**
     * The open incidents a new stream starts from; null (and an {@code unavailable} event) when the index cannot be
     * read, and the stream is sent them when it can.
     */
    private List<IncidentDocument> readOpen(String streetCode) {
        try {
            return incidents.page(null, streetCode, true, 0, SNAPSHOT);
        } catch (RuntimeException e) {
            indexFailed(e);
            return null;
        }
    }

    /**
     * A record of the incidents topic: the incident's document is read and sent to every stream of its street, once it
     * holds at least the record's transition.
     */
    void arrived(IncidentTransitionRecord record) {
        if (clients.isEmpty()) {
            return;
        }
        push(record, System.nanoTime() + limits.rereadFor().toNanos());
    }

    private void push(IncidentTransitionRecord record, long giveUpAt) {
        Optional<IncidentDocument> read;
        try {
            read = incidents.byId(record.incidentId());
        } catch (RuntimeException e) {
            indexFailed(e);
            return;
        }
        // A read that works does not end an index spell by itself: the probe does, with the streams' missed snapshots.
        IncidentDocument doc = read.orElse(null);
        if (doc == null || doc.transitions().size() < record.seq()) {
            if (System.nanoTime() < giveUpAt) {
                rereads.schedule(() -> push(record, giveUpAt), limits.reread().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                LOG.debug(
                        "incident stream: {} does not show transition {} yet; the next record will push it",
                        record.incidentId(),
                        record.seq());
            }
            return;
        }
        clients.stream().filter(c -> c.wants(doc)).forEach(c -> sendIncident(c, doc));
    }

    /** Reading the topic failed: each stream is told once per failure spell, and stays open. */
    void topicFailed(String reason) {
        down("the incidents topic cannot be read: " + reason, true);
    }

    /** The topic was read (the feed calls this after every poll, so it is cheap while nothing is down). */
    void topicRecovered() {
        if (topicDown != null) {
            up(true);
        }
    }

    private void indexFailed(RuntimeException e) {
        down("the incident index cannot be read: " + e.getMessage(), false);
    }

    private void down(String reason, boolean topic) {
        synchronized (health) {
            if ((topic ? topicDown : indexDown) != null) {
                return;
            }
            boolean wasUp = topicDown == null && indexDown == null;
            if (topic) {
                topicDown = reason;
            } else {
                indexDown = reason;
                scheduleProbe();
            }
            if (wasUp) {
                LOG.warn("incident stream: {}; clients keep their stream and get an unavailable event", reason);
                clients.forEach(c -> {
                    c.missedSnapshot().set(true);
                    send(c, unavailableEvent());
                });
            }
        }
    }

    private void up(boolean topic) {
        synchronized (health) {
            if ((topic ? topicDown : indexDown) == null) {
                return;
            }
            if (topic) {
                topicDown = null;
            } else {
                indexDown = null;
            }
            if (topicDown == null && indexDown == null) {
                LOG.info("incident stream: reading works again");
                clients.forEach(c -> send(c, availableEvent()));
                // After a topic spell nothing probes the index: what the streams missed is read and sent from here.
                // After an index spell the probe has it already; whatever it sent is not sent twice.
                runSoon(this::catchUp);
            }
        }
    }

    private void scheduleProbe() {
        try {
            rereads.schedule(this::probeIndex, limits.retry().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // The application is stopping.
        }
    }

    private void runSoon(Runnable task) {
        try {
            rereads.execute(task);
        } catch (RejectedExecutionException closing) {
            // The application is stopping.
        }
    }

    /**
     * While the index cannot be read, it is read again every {@code retry}: what each stream missed (below), or one
     * incident when none did. When that works the spell ends ({@code available} once the topic reads too), and those
     * streams are sent what they missed.
     */
    private void probeIndex() {
        if (indexDown == null) {
            return;
        }
        Map<Client, List<IncidentDocument>> missed;
        try {
            missed = readMissed();
            if (missed.isEmpty()) {
                incidents.page(null, null, true, 0, 1);
            }
        } catch (RuntimeException stillDown) {
            scheduleProbe();
            return;
        }
        up(false);
        sendMissed(missed);
    }

    /** Streams that missed their open incidents while nothing is down: read and sent now, or a new spell begins. */
    private void catchUp() {
        try {
            sendMissed(readMissed());
        } catch (RuntimeException e) {
            indexFailed(e); // its probe sends them when the spell ends
        }
    }

    /**
     * Per stream that missed something: its open incidents, then the current document of each incident it was last
     * sent open and that is not among them (resolved meanwhile). Each incident is read once for all streams.
     */
    private Map<Client, List<IncidentDocument>> readMissed() {
        Map<Client, List<IncidentDocument>> missed = new LinkedHashMap<>();
        Map<String, Optional<IncidentDocument>> current = new HashMap<>();
        for (Client c : clients) {
            if (c.missedSnapshot().get()) {
                List<IncidentDocument> docs = new ArrayList<>(incidents.page(null, c.streetCode(), true, 0, SNAPSHOT));
                Set<String> open = new HashSet<>();
                docs.forEach(d -> open.add(d.incidentId()));
                for (String id : c.shownOpen()) {
                    if (!open.contains(id)) {
                        current.computeIfAbsent(id, incidents::byId).ifPresent(docs::add);
                    }
                }
                missed.put(c, docs);
            }
        }
        return missed;
    }

    private void sendMissed(Map<Client, List<IncidentDocument>> missed) {
        missed.forEach((c, docs) -> {
            if (c.missedSnapshot().compareAndSet(true, false)) {
                docs.forEach(doc -> sendIncident(c, doc));
            }
        });
    }

    /** Sends {@code doc} and remembers whether the stream now shows it open. */
    private boolean sendIncident(Client client, IncidentDocument doc) {
        if (IncidentDocument.RESOLVED.equals(doc.state())) {
            client.shownOpen().remove(doc.incidentId());
        } else {
            client.shownOpen().add(doc.incidentId());
        }
        return send(client, incidentEvent(doc));
    }

    int openStreams() {
        return clients.size();
    }

    @Scheduled(fixedDelayString = "${eldercare.incidents.stream.heartbeat:PT10S}")
    void heartbeat() {
        clients.forEach(c -> send(c, SseEmitter.event().comment("heartbeat")));
    }

    @Override
    public void close() {
        rereads.shutdownNow();
    }

    private static SseEmitter.SseEventBuilder incidentEvent(IncidentDocument doc) {
        return SseEmitter.event().name("incident").id(doc.incidentId()).data(doc);
    }

    private static SseEmitter.SseEventBuilder unavailableEvent() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "INCIDENTS_UNAVAILABLE");
        body.put("message", "incidents cannot be read right now; the stream stays open and resumes by itself");
        return SseEmitter.event().name("unavailable").data(body);
    }

    private static SseEmitter.SseEventBuilder availableEvent() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "INCIDENTS_AVAILABLE");
        body.put("message", "incidents can be read again; changes are pushed as before");
        return SseEmitter.event().name("available").data(body);
    }

    private boolean send(Client client, SseEmitter.SseEventBuilder event) {
        try {
            synchronized (client) {
                client.emitter().send(event);
            }
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
            release(client.token());
        }
    }

    private void release(String token) {
        synchronized (perToken) {
            AtomicInteger open = perToken.get(token);
            if (open != null && open.decrementAndGet() <= 0) {
                perToken.remove(token);
            }
        }
    }
}
