package org.eldercare.api.incident;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.api.recipient.AuditLog;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.api.system.ProblemResponses;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.search.incident.IncidentDocument;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The hotline's incident queue (docs/CONTRACT.md §9.7), for HOTLINE and ADMIN: a page of incidents in the queue's
 * order, and a Server-Sent Events stream that pushes each incident's latest document when it changes. Both show a
 * masked person and their labels, so each is audited before it answers.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private static final Set<String> STATES = Set.of(
            IncidentDocument.OPEN,
            IncidentDocument.ACKNOWLEDGED,
            IncidentDocument.DISPATCHED,
            IncidentDocument.RESOLVED);

    private final IncidentReader incidents;
    private final IncidentBroadcaster broadcaster;
    private final AuditLog audit;
    private final ProblemResponses problems;

    IncidentController(
            IncidentReader incidents, IncidentBroadcaster broadcaster, AuditLog audit, ProblemResponses problems) {
        this.incidents = incidents;
        this.broadcaster = broadcaster;
        this.audit = audit;
        this.problems = problems;
    }

    @GetMapping
    Map<String, Object> page(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String streetCode,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        if (state != null && !STATES.contains(state)) {
            throw new IllegalArgumentException("state: must be one of OPEN, ACKNOWLEDGED, DISPATCHED, RESOLVED");
        }
        checkStreet(streetCode);
        int pageNumber = integer("page", page, 0);
        int pageSize = integer("size", size, 50);
        if (pageNumber < 0) {
            throw new IllegalArgumentException("page: must be at least 0");
        }
        if (pageSize < 1 || pageSize > 200) {
            throw new IllegalArgumentException("size: must be between 1 and 200");
        }
        List<IncidentDocument> items;
        try {
            items = incidents.page(state, streetCode, false, pageNumber, pageSize);
        } catch (RuntimeException e) {
            throw new RequestRefusedException(
                    HttpStatus.SERVICE_UNAVAILABLE, "incidents: the incident index cannot be read, try again shortly");
        }
        Map<String, Object> query = new LinkedHashMap<>();
        if (state != null) {
            query.put("state", state);
        }
        query.put("page", pageNumber);
        query.put("size", pageSize);
        audit.record(CurrentCaller.get(), "INCIDENTS", streetCode == null ? "*" : streetCode, query, items.size());
        return Map.of("items", items, "page", pageNumber, "size", pageSize);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam(required = false) String streetCode, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            checkStreet(streetCode);
        } catch (IllegalArgumentException e) {
            // Written here: the mapping produces text/event-stream, which a problem body is not.
            problems.write(request, response, HttpStatus.BAD_REQUEST, e.getMessage());
            return null;
        }
        IncidentBroadcaster.Subscription subscription = broadcaster.subscribe(CurrentCaller.get(), streetCode);
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

    private static void checkStreet(String streetCode) {
        if (streetCode != null && !streetCode.matches("\\d{9}")) {
            throw new IllegalArgumentException("streetCode: must be a 9-digit street code");
        }
    }

    private static int integer(String name, String value, int otherwise) {
        if (value == null || value.isEmpty()) {
            return otherwise;
        }
        if (!value.matches("-?\\d{1,9}")) {
            throw new IllegalArgumentException(name + ": must be an integer");
        }
        return Integer.parseInt(value);
    }
}
