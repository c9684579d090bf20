package org.eldercare.api.family;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eldercare.api.recipient.AuditLog;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.api.system.NotFoundException;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.api.system.SecurityProperties;
import org.eldercare.search.family.FamilyCodeDocument;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The street office's side of the family view (docs/CONTRACT.md §10.4): issue an access code for one registered
 * person, list the codes of its scope masked, revoke one. The code itself is in the issuing answer only; the index
 * keeps its keyed digest. Every call is audited, and refused with 503 when the entry cannot be written.
 */
@RestController
@RequestMapping("/api/v1/family-codes")
@EnableConfigurationProperties(FamilySettings.class)
class FamilyCodeController {

    static final int MAX_PAGE_SIZE = 200;

    private final FamilyCodeStore codes;
    private final FamilyReads reads;
    private final AuditLog audit;
    private final FamilySettings settings;
    private final AccessCodes accessCodes;
    private final Clock clock;

    FamilyCodeController(
            FamilyCodeStore codes,
            FamilyReads reads,
            AuditLog audit,
            FamilySettings settings,
            SecurityProperties security) {
        this.codes = codes;
        this.reads = reads;
        this.audit = audit;
        this.settings = settings;
        this.accessCodes = new AccessCodes(security.hmacKey(), new SecureRandom());
        this.clock = Clock.systemUTC();
    }

    /** The issuing answer: the only one that holds {@code code}. */
    record Issued(
            String codeId,
            String code,
            String codeMasked,
            String personId,
            String issuedBy,
            OffsetDateTime issuedAt,
            OffsetDateTime expiresAt,
            String state) {}

    /** A code as the office lists it: masked. */
    record Item(
            String codeId,
            String codeMasked,
            String personId,
            String issuedBy,
            OffsetDateTime issuedAt,
            OffsetDateTime expiresAt,
            OffsetDateTime revokedAt,
            String revokedBy,
            String state) {

        static Item of(FamilyCodeDocument d, OffsetDateTime now) {
            return new Item(
                    d.codeId(),
                    d.codeMasked(),
                    d.personId(),
                    d.issuedBy(),
                    d.issuedAt(),
                    d.expiresAt(),
                    d.revokedAt(),
                    d.revokedBy(),
                    d.state(now));
        }
    }

    record Listing(int page, int size, long total, List<Item> items) {}

    /** {@code {"personId": "…"}}. */
    record IssueRequest(String personId) {}

    @PostMapping
    ResponseEntity<Issued> issue(@RequestBody(required = false) IssueRequest body) {
        if (body == null || body.personId() == null || body.personId().isBlank()) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "personId: is required");
        }
        String personId = personId(body.personId());
        Caller caller = CurrentCaller.get();
        JsonNode person = reads.person(personId)
                .orElseThrow(() -> new NotFoundException("personId: no registered person " + personId));
        String districtCode = person.path("districtCode").asText(null);
        String streetCode = person.path("streetCode").asText(null);
        requireScope(caller, personId, districtCode, streetCode);

        String code = accessCodes.next();
        OffsetDateTime now = now();
        FamilyCodeDocument issued = new FamilyCodeDocument(
                accessCodes.nextId(),
                accessCodes.digest(code),
                AccessCodes.masked(code),
                personId,
                districtCode,
                streetCode,
                caller.name(),
                now,
                now.plus(settings.codeValidity()),
                null,
                null);
        // Audited before the code exists anywhere: an issue that cannot be audited is not made.
        audit.record(caller, "FAMILY_CODE_ISSUED", personId, Map.of("codeId", issued.codeId()), 1);
        codes.write(issued);
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new Issued(
                        issued.codeId(),
                        AccessCodes.grouped(code),
                        issued.codeMasked(),
                        personId,
                        issued.issuedBy(),
                        issued.issuedAt(),
                        issued.expiresAt(),
                        FamilyCodeDocument.ACTIVE));
    }

    @GetMapping
    ResponseEntity<Listing> list(
            @RequestParam(required = false) String personId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "page: must be at least 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        Caller caller = CurrentCaller.get();
        String person = personId == null || personId.isBlank() ? null : personId(personId);
        if (person != null && caller.scope() != null) {
            reads.person(person)
                    .ifPresent(p -> requireScope(
                            caller,
                            person,
                            p.path("districtCode").asText(null),
                            p.path("streetCode").asText(null)));
        }
        FamilyCodeStore.Page found = codes.list(caller.scope(), person, page, size);
        OffsetDateTime now = now();
        List<Item> items = found.items().stream().map(d -> Item.of(d, now)).toList();
        audit.record(
                caller,
                "FAMILY_CODES_LISTED",
                // What was listed: one person, else the office's scope, else every code (a city-wide office).
                person != null ? person : caller.scope() != null ? caller.scope() : "ALL",
                Map.of("page", page, "size", size),
                items.size());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Listing(page, size, found.total(), items));
    }

    @DeleteMapping("/{codeId}")
    ResponseEntity<Item> revoke(@PathVariable String codeId) {
        if (!codeId.matches("fc-[0-9a-f]{16}")) {
            throw new NotFoundException("codeId: no family code " + codeId);
        }
        Caller caller = CurrentCaller.get();
        FamilyCodeDocument code =
                codes.byCodeId(codeId).orElseThrow(() -> new NotFoundException("codeId: no family code " + codeId));
        requireScope(caller, code.personId(), code.districtCode(), code.streetCode());
        OffsetDateTime now = now();
        FamilyCodeDocument revoked = code.revoked(now, caller.name());
        audit.record(caller, "FAMILY_CODE_REVOKED", code.personId(), Map.of("codeId", codeId), 1);
        if (revoked != code) {
            codes.write(revoked);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Item.of(revoked, now));
    }

    @ExceptionHandler({UncheckedIOException.class, ElasticsearchException.class})
    ProblemDetail unavailable(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "family-codes: the codes cannot be read or written, try again shortly");
    }

    private static String personId(String personId) {
        if (!personId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, "personId: must be 1-64 of [A-Za-z0-9_-]");
        }
        return personId;
    }

    private static void requireScope(Caller caller, String personId, String districtCode, String streetCode) {
        if (!caller.covers(districtCode, streetCode)) {
            throw new RequestRefusedException(
                    HttpStatus.FORBIDDEN, "personId: person " + personId + " is outside your scope " + caller.scope());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
