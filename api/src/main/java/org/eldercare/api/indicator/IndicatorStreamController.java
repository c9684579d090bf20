package org.eldercare.api.indicator;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.api.system.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /api/v1/indicators/stream}: Server-Sent Events (docs/CONTRACT.md §3, §6.1). The response is
 * committed at once with a comment line, then every scope is sent once, then one {@code indicator}
 * event per scope each time its indicators change. Too many open streams for a token, or for the
 * server, answer 429 problem+json with {@code Retry-After}.
 */
@RestController
class IndicatorStreamController {

    private final IndicatorBroadcaster broadcaster;
    private final ProblemResponses problems;

    IndicatorStreamController(IndicatorBroadcaster broadcaster, ProblemResponses problems) {
        this.broadcaster = broadcaster;
        this.problems = problems;
    }

    @GetMapping(path = "/api/v1/indicators/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(HttpServletRequest request, HttpServletResponse response) throws IOException {
        IndicatorBroadcaster.Subscription subscription =
                broadcaster.subscribe(CurrentCaller.get().name());
        if (subscription.refusal() != null) {
            response.setHeader("Retry-After", "10");
            problems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    subscription.refusal().detail());
            return null; // the response is written; Spring leaves it alone
        }
        return subscription.emitter();
    }
}
