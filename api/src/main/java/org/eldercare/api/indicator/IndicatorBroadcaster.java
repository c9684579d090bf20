package org.eldercare.api.indicator;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.indicator.IndicatorSearch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes indicator changes to every open SSE stream. It polls the indicators index once a second
 * (a few dozen documents) and sends each scope whose {@code asOf} moved; polling the index, rather
 * than the job's output topic, means a client only ever sees what the REST endpoints would return.
 */
@Component
class IndicatorBroadcaster {

    private static final Logger LOG = LoggerFactory.getLogger(IndicatorBroadcaster.class);

    private final IndicatorSearch indicators;
    private final List<SseEmitter> clients = new CopyOnWriteArrayList<>();
    private final Map<String, OffsetDateTime> lastSent = new ConcurrentHashMap<>();

    IndicatorBroadcaster(IndicatorSearch indicators) {
        this.indicators = indicators;
    }

    SseEmitter subscribe() {
        SseEmitter emitter = new SseEmitter(0L);
        emitter.onCompletion(() -> clients.remove(emitter));
        emitter.onTimeout(() -> clients.remove(emitter));
        emitter.onError(e -> clients.remove(emitter));
        clients.add(emitter);
        return emitter;
    }

    @Scheduled(fixedDelayString = "${eldercare.indicators.stream-poll:PT1S}")
    void poll() {
        if (clients.isEmpty()) {
            lastSent.clear();
            return;
        }
        List<IndicatorDocument> changed = new ArrayList<>();
        try {
            List<IndicatorDocument> all = new ArrayList<>(indicators.districts());
            all.addAll(indicators.streets(null));
            for (IndicatorDocument doc : all) {
                OffsetDateTime previous = lastSent.put(doc.code(), doc.asOf());
                if (previous == null || !previous.equals(doc.asOf())) {
                    changed.add(doc);
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("indicator poll failed: {}", e.toString());
            return;
        }
        changed.forEach(this::send);
    }

    private void send(IndicatorDocument doc) {
        for (SseEmitter client : clients) {
            try {
                client.send(SseEmitter.event().name("indicator").id(doc.code()).data(doc));
            } catch (IOException | IllegalStateException e) {
                clients.remove(client);
            }
        }
    }
}
