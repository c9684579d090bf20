package org.eldercare.api.family;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eldercare.api.recipient.AuditLog;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.api.system.SecurityProperties;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.family.FamilyCodeDocument;
import org.eldercare.search.incident.IncidentDocument;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The relative's view (docs/CONTRACT.md §10.4): with a family access code in the body, one person's masked name,
 * birth year and street, their incidents, the status of the devices those incidents name and their caregivers'
 * visits (when, how long, how confirmed, from which station), and nothing else. Every
 * refusal is the same 401, so a guess learns nothing; the limit per client address is the limits package's. Each
 * answer is audited under the code's id, never the code.
 */
@RestController
class FamilyViewController {

    static final int INCIDENTS_SHOWN = 20;
    static final int VISITS_SHOWN = 20;
    static final String INVALID = "code: is not a valid family access code (wrong, revoked or expired)";

    private final FamilyCodeStore codes;
    private final FamilyReads reads;
    private final AuditLog audit;
    private final AccessCodes accessCodes;
    private final Regions regions;
    private final Clock clock = Clock.systemUTC();

    FamilyViewController(
            FamilyCodeStore codes, FamilyReads reads, AuditLog audit, SecurityProperties security, Regions regions) {
        this.codes = codes;
        this.reads = reads;
        this.audit = audit;
        this.regions = regions;
        // Digests only: the generator's randomness is never used here.
        this.accessCodes = new AccessCodes(security.hmacKey(), null);
    }

    /** {@code {"code": "7KQ2-M9XD-4TRW"}}: the code travels in the body only. */
    record ViewRequest(String code) {}

    record Person(String nameMasked, Integer birthYear, String districtName, String streetName) {}

    record Incident(
            String rule,
            String state,
            String openedAt,
            String acknowledgedAt,
            String dispatchedAt,
            String resolvedAt,
            String outcome,
            String deviceKind) {}

    record Device(String deviceKind, String status, String since) {}

    /** A visit as a relative sees it: when, how long, how confirmed, from which station; never who came. */
    record Visit(String visitedAt, Integer durationMinutes, String confirmation, String facilityName) {}

    record View(
            Person person,
            List<Incident> incidents,
            List<Device> devices,
            List<Visit> visits,
            OffsetDateTime codeExpiresAt,
            OffsetDateTime asOf) {}

    @PostMapping("/api/v1/family/view")
    ResponseEntity<View> view(@RequestBody(required = false) ViewRequest body) {
        if (body == null) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "body: must be a JSON object with a code");
        }
        if (body.code() == null || body.code().isBlank()) {
            throw unauthorized("code: is required");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        FamilyCodeDocument code = AccessCodes.normalise(body.code())
                .flatMap(c -> codes.byDigest(accessCodes.digest(c)))
                .filter(c -> FamilyCodeDocument.ACTIVE.equals(c.state(now)))
                .orElseThrow(() -> unauthorized(INVALID));
        JsonNode person = reads.person(code.personId()).orElseThrow(() -> unauthorized(INVALID));
        List<JsonNode> found = reads.incidents(code.personId(), INCIDENTS_SHOWN);
        List<JsonNode> visits = reads.visits(code.personId(), VISITS_SHOWN);
        audit.record(
                code.codeId(),
                "FAMILY_CODE",
                "FAMILY_VIEW",
                code.personId(),
                Map.of("codeId", code.codeId()),
                found.size());
        View view = new View(
                person(person),
                found.stream().map(FamilyViewController::incident).toList(),
                devices(found),
                visits.stream().map(FamilyViewController::visit).toList(),
                code.expiresAt(),
                now);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "body: must be a JSON object with a code");
    }

    @ExceptionHandler({UncheckedIOException.class, ElasticsearchException.class})
    ProblemDetail unavailable(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "family: the view is unavailable, try again shortly");
    }

    private Person person(JsonNode p) {
        return new Person(
                text(p, "nameMasked"),
                p.hasNonNull("birthYear") ? p.path("birthYear").asInt() : null,
                Optional.ofNullable(text(p, "districtCode"))
                        .flatMap(regions::district)
                        .map(d -> d.name())
                        .orElse(null),
                Optional.ofNullable(text(p, "streetCode"))
                        .flatMap(regions::street)
                        .map(s -> s.name())
                        .orElse(null));
    }

    private static Incident incident(JsonNode i) {
        return new Incident(
                text(i, "rule"),
                text(i, "state"),
                text(i, "openedAt"),
                text(i, "acknowledgedAt"),
                text(i, "dispatchedAt"),
                text(i, "resolvedAt"),
                text(i, "outcome"),
                // Never the evidence: the job writes the device id into it ("SOS from SOS_BUTTON <deviceId>").
                text(i, "deviceKind"));
    }

    private static Visit visit(JsonNode v) {
        return new Visit(
                text(v, "visitedAt"),
                v.hasNonNull("durationMinutes") ? v.path("durationMinutes").asInt() : null,
                text(v, "confirmation"),
                // The station's public name only: not the operator, the caregiver or where the door is.
                text(v, "facilityName"));
    }

    /**
     * The devices the incidents name, by their kind only (never the device id): {@code SILENT} or {@code SOS} while
     * such an incident of the device is not resolved, else {@code NO_OPEN_INCIDENT}. Incidents come newest first, so
     * the first one seen of a device gives its {@code since} unless an open one says more.
     */
    static List<Device> devices(List<JsonNode> incidents) {
        Map<String, Device> byDevice = new LinkedHashMap<>();
        for (JsonNode i : incidents) {
            String deviceId = text(i, "deviceId");
            if (deviceId == null) {
                continue;
            }
            String key = text(i, "operatorId") + "/" + deviceId;
            boolean open = !IncidentDocument.RESOLVED.equals(text(i, "state"));
            String rule = text(i, "rule");
            String status = open && "DEVICE_SILENT".equals(rule)
                    ? "SILENT"
                    : open && "SOS".equals(rule) ? "SOS" : "NO_OPEN_INCIDENT";
            Device seen = byDevice.get(key);
            if (seen == null || ("NO_OPEN_INCIDENT".equals(seen.status()) && !"NO_OPEN_INCIDENT".equals(status))) {
                byDevice.put(key, new Device(text(i, "deviceKind"), status, text(i, "openedAt")));
            }
        }
        return new ArrayList<>(byDevice.values());
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    private static RequestRefusedException unauthorized(String detail) {
        return new RequestRefusedException(HttpStatus.UNAUTHORIZED, detail);
    }
}
