package org.eldercare.api.recipient;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.api.system.NotFoundException;
import org.eldercare.search.match.MatchCandidate;
import org.eldercare.search.match.MatchRequest;
import org.eldercare.search.match.RecipientMatcher;
import org.eldercare.search.normalize.Pii;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Precise identification of service recipients (docs/CONTRACT.md §4): match a caller to a person, open the
 * person and their service history. Full ID numbers and phones never leave: responses carry masked
 * forms, and the audit log keeps the question with its identifiers masked.
 */
@RestController
class RecipientController {

    private final RecipientMatcher matcher;
    private final RecipientDirectory directory;
    private final AuditLog audit;
    private final Timer matchLatency;
    private final ReviewRequests reviews;

    RecipientController(
            RecipientMatcher matcher,
            RecipientDirectory directory,
            AuditLog audit,
            MeterRegistry registry,
            ReviewRequests reviews) {
        this.matcher = matcher;
        this.directory = directory;
        this.audit = audit;
        this.reviews = reviews;
        this.matchLatency = Timer.builder("eldercare.recipients.match")
                .description("Latency of recipient matching")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    record Candidates(List<MatchCandidate> candidates) {}

    @PostMapping("/api/v1/recipients/match")
    Candidates match(@RequestBody MatchRequest request, HttpServletResponse response) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw new IllegalArgumentException("name: must not be blank");
        }
        long start = System.nanoTime();
        List<MatchCandidate> found = matcher.match(request);
        long matched = System.nanoTime();
        matchLatency.record(matched - start, TimeUnit.NANOSECONDS);
        audit.record(CurrentCaller.get(), "MATCH", null, masked(request), found.size());
        long audited = System.nanoTime();
        reviews.requestIfUndecided(found);
        // Where the hotline's wait went, per request (W3C Server-Timing): the benchmark splits its tail with it.
        response.setHeader(
                "Server-Timing",
                ServerTiming.of("match", matched - start)
                        .and("audit", audited - matched)
                        .toString());
        return new Candidates(found);
    }

    @GetMapping("/api/v1/recipients/{recipientId}")
    ResponseEntity<Map<String, Object>> recipient(@PathVariable String recipientId) {
        JsonNode person = find(recipientId, "GET_RECIPIENT");
        if (person.hasNonNull("mergedInto")) {
            String kept = person.path("mergedInto").asText();
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create("/api/v1/recipients/" + kept))
                    .body(Map.of("recipientId", recipientId, "mergedInto", kept));
        }
        return ResponseEntity.ok(RecipientViews.person(person));
    }

    @GetMapping("/api/v1/recipients/{recipientId}/services")
    List<Map<String, Object>> services(@PathVariable String recipientId) {
        JsonNode person = find(recipientId, "GET_SERVICES");
        if (person.hasNonNull("mergedInto")) {
            person = directory.recipient(person.path("mergedInto").asText()).orElse(person);
        }
        return directory.services(person).stream().map(RecipientViews::record).toList();
    }

    @GetMapping("/api/v1/services/{recordId}")
    Map<String, Object> serviceRecord(@PathVariable String recordId, @RequestParam String operatorId) {
        JsonNode record = directory.serviceRecord(operatorId, recordId).orElse(null);
        audit.record(
                CurrentCaller.get(),
                "GET_SERVICE_RECORD",
                operatorId + ":" + recordId,
                Map.of(),
                record == null ? 0 : 1);
        if (record == null) {
            throw new NotFoundException("service record " + recordId + " of operator " + operatorId + ": not found");
        }
        return RecipientViews.record(record);
    }

    private JsonNode find(String recipientId, String action) {
        Caller caller = CurrentCaller.get();
        JsonNode person = directory.recipient(recipientId).orElse(null);
        audit.record(caller, action, recipientId, Map.of(), person == null ? 0 : 1);
        if (person == null) {
            throw new NotFoundException("recipient " + recipientId + ": not found");
        }
        return person;
    }

    /** The question as the audit keeps it: no full identifier and no birth date, ever (docs/CONTRACT.md §6.2). */
    static Map<String, Object> masked(MatchRequest request) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("name", request.name());
        if (request.idNumber() != null) {
            query.put("idNumber", Pii.maskIdNumber(request.idNumber().trim()));
        }
        if (request.phone() != null) {
            query.put("phone", Pii.maskPhone(request.phone().replaceAll("[^0-9]", "")));
        }
        if (request.birthDate() != null) {
            // The year only: the audit is readable too, and a date beside a masked ID gives the whole number.
            query.put("birthYear", request.birthDate().getYear());
        }
        if (request.gender() != null) {
            query.put("gender", request.gender());
        }
        if (request.address() != null) {
            query.put("address", request.address());
        }
        return query;
    }
}
