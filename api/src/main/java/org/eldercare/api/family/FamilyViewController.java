package org.eldercare.api.family;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eldercare.api.recipient.AuditLog;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.api.system.SecurityProperties;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.family.FamilyCodeDocument;
import org.eldercare.search.incident.DeviceDocument;
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
 * birth year and street, their incidents, the status of the devices bound to them (the {@code devices} index, an SOS
 * being handled first) and their caregivers' visits (when, how long, how confirmed, from which station), and nothing else. Every
 * refusal is the same 401, so a guess learns nothing; the limit per client address is the limits package's. Each
 * answer is audited under the code's id, never the code.
 */
@RestController
class FamilyViewController {

    static final int INCIDENTS_SHOWN = 20;
    static final int VISITS_SHOWN = 20;
    static final int DEVICES_SHOWN = 50;
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
        List<Device> devices = devicesOf(code.personId());
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
                devices,
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

    /** The order of the view's devices: an SOS being handled, then the silent ones, then the online ones. */
    private static final List<String> STATUS_ORDER = List.of("SOS", DeviceDocument.SILENT, DeviceDocument.ONLINE);

    /** Reads the person's devices, and the documents of the devices their open incidents name (§9.9, §10.4). */
    private List<Device> devicesOf(String personId) {
        List<JsonNode> open = reads.openDeviceIncidents(personId, DEVICES_SHOWN);
        List<JsonNode> documents = new ArrayList<>(reads.devices(personId, DEVICES_SHOWN));
        Set<String> held = documents.stream().map(d -> text(d, "id")).collect(Collectors.toSet());
        List<String> named = open.stream()
                .filter(i -> i.hasNonNull("deviceId"))
                .map(i -> DeviceDocument.idOf(text(i, "operatorId"), text(i, "deviceId")))
                .filter(id -> !held.contains(id))
                .distinct()
                .toList();
        documents.addAll(reads.devicesById(named));
        return devices(personId, documents, open);
    }

    /**
     * The person's devices by their kind only (never the device id, §10.4): each bound to them now in the {@code
     * devices} index with its status and {@code statusSince}, or {@code SOS} since the SOS's {@code openedAt} while one
     * of it is not resolved. A device the index holds as unbound, or bound to someone else now, is left out; one it
     * does not hold at all (bound before the index existed) is listed only while an open SOS or silence names it.
     *
     * @param documents the {@code devices} documents of the person and of every device {@code open} names
     * @param open the person's unresolved device incidents, newest first, so the first seen of a device is its latest
     */
    static List<Device> devices(String personId, List<JsonNode> documents, List<JsonNode> open) {
        Map<String, Device> byDevice = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        for (JsonNode d : documents) {
            String key = text(d, "id");
            known.add(key);
            if (personId.equals(text(d, "personId")) && !DeviceDocument.UNBOUND.equals(text(d, "status"))) {
                byDevice.put(key, new Device(text(d, "deviceKind"), text(d, "status"), text(d, "statusSince")));
            }
        }
        Map<String, Device> sos = new LinkedHashMap<>();
        for (JsonNode i : open) {
            String deviceId = text(i, "deviceId");
            if (deviceId == null || IncidentDocument.RESOLVED.equals(text(i, "state"))) {
                continue;
            }
            String key = DeviceDocument.idOf(text(i, "operatorId"), deviceId);
            if (known.contains(key) && !byDevice.containsKey(key)) {
                continue; // unbound, or serving someone else now
            }
            String rule = text(i, "rule");
            if ("SOS".equals(rule)) {
                sos.putIfAbsent(key, new Device(text(i, "deviceKind"), "SOS", text(i, "openedAt")));
            } else if ("DEVICE_SILENT".equals(rule) && !known.contains(key)) {
                byDevice.putIfAbsent(
                        key, new Device(text(i, "deviceKind"), DeviceDocument.SILENT, text(i, "openedAt")));
            }
        }
        byDevice.putAll(sos);
        return byDevice.values().stream()
                .sorted(Comparator.comparingInt((Device d) -> statusRank(d.status()))
                        .thenComparing(
                                d -> instant(d.since()), Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                .toList();
    }

    private static Instant instant(String time) {
        return time == null ? null : OffsetDateTime.parse(time).toInstant();
    }

    private static int statusRank(String status) {
        int rank = STATUS_ORDER.indexOf(status);
        return rank < 0 ? STATUS_ORDER.size() : rank;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }

    private static RequestRefusedException unauthorized(String detail) {
        return new RequestRefusedException(HttpStatus.UNAUTHORIZED, detail);
    }
}
