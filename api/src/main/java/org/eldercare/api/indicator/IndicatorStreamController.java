package org.eldercare.api.indicator;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/indicators/stream}: Server-Sent Events, one {@code indicator} event per scope
 * each time its indicators change; a new client first gets every scope once.
 */
@RestController
class IndicatorStreamController {

    private final IndicatorBroadcaster broadcaster;

    IndicatorStreamController(IndicatorBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @GetMapping(path = "/api/v1/indicators/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream() {
        return broadcaster.subscribe();
    }
}
