package org.eldercare.api.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.api.intake.EventLog;
import org.eldercare.api.recipient.AuditLog;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.api.system.NotFoundException;
import org.eldercare.api.system.PlainJson;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.IdentityReviewed;
import org.eldercare.ingest.event.ReviewDecision;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The identity review queue for civil-affairs reviewers (docs/CONTRACT.md §7.6): the open cases, entitled people
 * first; one case with both sides masked and the evidence per field; and the decision, published as an {@code
 * identity.reviewed} event for the streaming job to apply. Every read and decision is audited.
 */
@RestController
class ReviewController {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_REASON = 500;
    private static final Set<String> STATUSES = Set.of("OPEN", "CONFIRMED", "SPLIT", "MERGED", "ALL");

    private final ReviewDirectory directory;
    private final AuditLog audit;
    private final EventLog events;
    /**
     * Decisions this instance published that the job may not have applied yet, by case: a second decision on such a
     * case is refused like one on a decided case (§7.6). An entry goes once the case shows its decision.
     */
    private final Map<String, String> pending = new ConcurrentHashMap<>();

    ReviewController(ReviewDirectory directory, AuditLog audit, EventLog events) {
        this.directory = directory;
        this.audit = audit;
        this.events = events;
    }

    record Page(String status, int page, int size, int total, List<Object> items) {}

    record DecisionRequest(String decision, String reason) {}

    record DecisionAccepted(String caseId, String decision, String eventId) {}

    @GetMapping("/api/v1/identity-reviews")
    Page list(
            @RequestParam(defaultValue = "OPEN") String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status: must be OPEN, CONFIRMED, SPLIT, MERGED or ALL");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page: must be at least 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<JsonNode> cases = directory.cases(status);
        List<String> digests = new ArrayList<>();
        cases.forEach(c -> c.path("idDigests").forEach(d -> digests.add(d.asText())));
        Set<String> entitled =
                directory.entitledDigests(digests.stream().distinct().toList());
        record Ranked(JsonNode doc, boolean entitled) {}
        List<Ranked> ranked = cases.stream()
                .map(c -> new Ranked(c, anyOf(c.path("idDigests"), entitled)))
                .sorted(Comparator.comparing((Ranked r) -> !r.entitled())
                        .thenComparing(r -> -r.doc().path("probability").asDouble())
                        .thenComparing(r -> r.doc().path("raisedAt").asText())
                        .thenComparing(r -> r.doc().path("caseId").asText()))
                .toList();
        List<Object> items = ranked.stream()
                .skip((long) page * size)
                .limit(size)
                .map(r -> view(r.doc(), r.entitled(), false))
                .toList();
        audit.record(CurrentCaller.get(), "LIST_REVIEWS", status, Map.of("page", page, "size", size), items.size());
        return new Page(status, page, size, ranked.size(), items);
    }

    @GetMapping("/api/v1/identity-reviews/{caseId}")
    Object one(@PathVariable String caseId) {
        JsonNode found = directory.reviewCase(caseId).orElse(null);
        audit.record(CurrentCaller.get(), "GET_REVIEW", caseId, Map.of(), found == null ? 0 : 1);
        if (found == null) {
            throw new NotFoundException("caseId: no review case " + caseId);
        }
        List<String> digests = new ArrayList<>();
        found.path("idDigests").forEach(d -> digests.add(d.asText()));
        boolean entitled = !directory.entitledDigests(digests).isEmpty();
        return view(found, entitled, true);
    }

    @PostMapping("/api/v1/identity-reviews/{caseId}/decision")
    ResponseEntity<DecisionAccepted> decide(
            @PathVariable String caseId, @RequestBody(required = false) DecisionRequest body) {
        ReviewDecision decision = body == null || body.decision() == null
                ? null
                : switch (body.decision()) {
                    case "CONFIRM" -> ReviewDecision.CONFIRM;
                    case "SPLIT" -> ReviewDecision.SPLIT;
                    default -> null;
                };
        if (decision == null) {
            throw new IllegalArgumentException("decision: must be CONFIRM or SPLIT");
        }
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw new IllegalArgumentException("reason: must be 1 to " + MAX_REASON + " characters");
        }
        JsonNode found = directory.reviewCase(caseId).orElse(null);
        if (found == null) {
            throw new NotFoundException("caseId: no review case " + caseId);
        }
        String status = found.path("status").asText();
        if (!status.equals("OPEN")) {
            pending.remove(caseId);
            throw new RequestRefusedException(HttpStatus.CONFLICT, "caseId: already decided (" + status + ")");
        }
        String earlier = pending.putIfAbsent(caseId, decision.name());
        if (earlier != null) {
            throw new RequestRefusedException(
                    HttpStatus.CONFLICT, "caseId: already decided (" + earlier + ", not applied yet)");
        }
        try {
            return publish(caseId, found, decision, reason);
        } catch (RuntimeException e) {
            pending.remove(caseId, decision.name());
            throw e;
        }
    }

    /** Forgets the decisions not yet applied, for tests that decide one case of a fixed queue again. */
    void forgetPendingDecisions() {
        pending.clear();
    }

    private ResponseEntity<DecisionAccepted> publish(
            String caseId, JsonNode found, ReviewDecision decision, String reason) {
        Caller caller = CurrentCaller.get();
        // Audited first and fail closed (§6.2): a decision nobody can trace is not made.
        audit.record(caller, "DECIDE_REVIEW", caseId, Map.of("decision", decision.name(), "reason", reason), 1);
        String eventId = "review-" + UUID.randomUUID();
        events.append(List.of(new CareEvent(
                eventId,
                CareEvent.REVIEWER_SOURCE_PREFIX + caller.name(),
                EventType.IDENTITY_REVIEWED,
                OffsetDateTime.now(ZoneOffset.ofHours(8)),
                new IdentityReviewed(
                        caseId,
                        found.path("left").path("recipientId").asText(),
                        found.path("right").path("recipientId").asText(),
                        decision,
                        caller.name(),
                        reason))));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new DecisionAccepted(caseId, decision.name(), eventId));
    }

    private static boolean anyOf(JsonNode digests, Set<String> entitled) {
        for (JsonNode d : digests) {
            if (entitled.contains(d.asText())) {
                return true;
            }
        }
        return false;
    }

    /** The case as a reviewer reads it: never its ID digests; the evidence only when one case is opened. */
    private static Object view(JsonNode doc, boolean entitled, boolean withEvidence) {
        ObjectNode copy = ((ObjectNode) doc).deepCopy();
        copy.remove("idDigests");
        if (!withEvidence) {
            copy.remove("evidence");
        }
        copy.put("entitled", entitled);
        return PlainJson.of(copy);
    }
}
