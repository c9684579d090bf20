package org.eldercare.api.register;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eldercare.api.recipient.AuditLog;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.CurrentCaller;
import org.eldercare.api.system.NotFoundException;
import org.eldercare.api.system.PlainJson;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.facility.NearbyFacility;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.Risk;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register for street and district staff (docs/CONTRACT.md §7.4): one registered person, and a street's worklist
 * of entitled people with whether the platform saw them served in the last 30 days, riskiest first. Only masks, the
 * birth year and labels leave; every read is audited. An office whose grant has a scope reads only the people of
 * its district or street: anything else is 403, naming the field and the scope.
 */
@RestController
class RegisterController {

    static final int SERVED_WINDOW_DAYS = 30;
    static final int MAX_PAGE_SIZE = 200;

    private final RegisterDirectory directory;
    private final AuditLog audit;
    private final FacilitySearch finder;
    private final Regions regions;

    RegisterController(RegisterDirectory directory, AuditLog audit, FacilitySearch finder, Regions regions) {
        this.directory = directory;
        this.audit = audit;
        this.finder = finder;
        this.regions = regions;
    }

    private String districtOf(WorkItem item) {
        return regions.street(item.streetCode()).map(s -> s.districtCode()).orElse(null);
    }

    /** The street's district in the reference data; for a code it does not know, the code's first 6 digits. */
    private String districtOfStreet(String streetCode) {
        return regions.street(streetCode).map(s -> s.districtCode()).orElse(streetCode.substring(0, 6));
    }

    /** One line of the worklist. {@code lastServedAt} is null when no service was seen in the window. */
    record WorkItem(
            String personId,
            String nameMasked,
            String idNumberMasked,
            String phoneMasked,
            Integer birthYear,
            Integer age,
            String streetCode,
            List<LabelView> labels,
            List<String> entitlements,
            int risk,
            boolean servedInWindow,
            String lastServedAt,
            List<NearbyFacility> nearestFacilities) {

        WorkItem withFacilities(List<NearbyFacility> facilities) {
            return new WorkItem(
                    personId,
                    nameMasked,
                    idNumberMasked,
                    phoneMasked,
                    birthYear,
                    age,
                    streetCode,
                    labels,
                    entitlements,
                    risk,
                    servedInWindow,
                    lastServedAt,
                    facilities);
        }
    }

    /** A label with its evidence, as the register holds it. */
    record LabelView(String label, String evidence) {}

    record Worklist(
            String streetCode,
            int windowDays,
            int entitled,
            int served,
            int unserved,
            int page,
            int size,
            int total,
            List<WorkItem> items) {}

    @GetMapping("/api/v1/persons/{personId}")
    Object person(@PathVariable String personId) {
        Caller caller = CurrentCaller.get();
        JsonNode person = directory.person(personId).orElse(null);
        boolean outside = person != null
                && !caller.covers(
                        person.path("districtCode").asText(null),
                        person.path("streetCode").asText(null));
        // A refused read is audited too: an office looking outside its area shows in the access review.
        audit.record(caller, "PERSON", personId, Map.of(), person == null || outside ? 0 : 1);
        if (person == null) {
            throw new NotFoundException("personId: no registered person " + personId);
        }
        if (outside) {
            throw new RequestRefusedException(
                    HttpStatus.FORBIDDEN, "personId: person " + personId + " is outside your scope " + caller.scope());
        }
        return PlainJson.of(person);
    }

    @GetMapping("/api/v1/worklist")
    Worklist worklist(
            @RequestParam String streetCode,
            @RequestParam(defaultValue = "true") boolean unservedOnly,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (!streetCode.matches("\\d{9}")) {
            throw new IllegalArgumentException("streetCode: must be a 9-digit street code");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page: must be at least 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size: must be between 1 and " + MAX_PAGE_SIZE);
        }
        Caller caller = CurrentCaller.get();
        Map<String, Object> query = Map.of("unservedOnly", unservedOnly, "page", page, "size", size);
        if (!caller.covers(districtOfStreet(streetCode), streetCode)) {
            // Refused, not filtered: an emptied worklist would look like a street with nobody to serve.
            audit.record(caller, "WORKLIST", streetCode, query, 0);
            throw new RequestRefusedException(
                    HttpStatus.FORBIDDEN,
                    "streetCode: street " + streetCode + " is outside your scope " + caller.scope());
        }
        List<JsonNode> entitled = directory.entitled(streetCode);
        List<String> digests = entitled.stream()
                .map(p -> p.path("idNumberDigest").asText(null))
                .filter(d -> d != null && !d.isEmpty())
                .distinct()
                .toList();
        Map<String, List<String>> recipients = directory.recipientsByDigest(digests);
        List<String> allIds =
                recipients.values().stream().flatMap(List::stream).distinct().toList();
        // The 30 Asia/Shanghai days ending today, as the coverage indicators count them (docs/CONTRACT.md §7.5).
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        OffsetDateTime since = java.time.LocalDate.now(shanghai)
                .minusDays(SERVED_WINDOW_DAYS - 1)
                .atStartOfDay(shanghai)
                .toOffsetDateTime();
        Map<String, String> lastServed = directory.lastServedSince(allIds, since);

        List<WorkItem> items = new ArrayList<>();
        for (JsonNode p : entitled) {
            String last = recipients.getOrDefault(p.path("idNumberDigest").asText(""), List.of()).stream()
                    .map(lastServed::get)
                    .filter(at -> at != null)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            List<LabelView> labels = new ArrayList<>();
            List<CareLabel> held = new ArrayList<>();
            p.path("labels").forEach(l -> {
                labels.add(new LabelView(
                        l.path("label").asText(), l.path("evidence").asText()));
                held.add(CareLabel.valueOf(l.path("label").asText()));
            });
            List<String> entitlements = new ArrayList<>();
            p.path("entitlements").forEach(e -> entitlements.add(e.asText()));
            items.add(new WorkItem(
                    p.path("personId").asText(),
                    p.path("nameMasked").asText(null),
                    p.path("idNumberMasked").asText(null),
                    p.path("phoneMasked").asText(null),
                    p.hasNonNull("birthYear") ? p.path("birthYear").asInt() : null,
                    p.hasNonNull("age") ? p.path("age").asInt() : null,
                    p.path("streetCode").asText(),
                    labels,
                    entitlements,
                    Risk.score(held),
                    last != null,
                    last,
                    List.of()));
        }
        int served = (int) items.stream().filter(WorkItem::servedInWindow).count();
        List<WorkItem> listed = items.stream()
                .filter(i -> !unservedOnly || !i.servedInWindow())
                .sorted(Comparator.comparingInt(WorkItem::risk)
                        .reversed()
                        .thenComparing(i -> i.age() == null ? 0 : i.age(), Comparator.reverseOrder())
                        .thenComparing(WorkItem::personId))
                .toList();
        ServingFacilities serving = new ServingFacilities(finder, regions);
        List<WorkItem> pageItems = listed.stream()
                .skip((long) page * size)
                .limit(size)
                .map(i -> i.withFacilities(serving.near(districtOf(i), i.streetCode(), i.entitlements())))
                .toList();
        audit.record(caller, "WORKLIST", streetCode, query, pageItems.size());
        return new Worklist(
                streetCode,
                SERVED_WINDOW_DAYS,
                items.size(),
                served,
                items.size() - served,
                page,
                size,
                listed.size(),
                pageItems);
    }
}
