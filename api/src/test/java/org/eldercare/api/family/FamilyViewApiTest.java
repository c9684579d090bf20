package org.eldercare.api.family;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eldercare.api.recipient.ActionRecordingAuditLog;
import org.eldercare.search.family.FamilyCodeDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The family view over HTTP (docs/CONTRACT.md §10.4): a street office issues a code for 王桂英 of 大峪街道, her daughter
 * opens the view with it and sees her incidents masked, and nothing else; a revoked, expired or wrong code is the same
 * 401; an office of another street cannot touch her codes; the view is limited per client address and audited under
 * the code's id. The register and incidents are the job's documents held in memory; the code store keeps the
 * documents the API would index. Each test uses client addresses of its own, so the tiny family rate never spills
 * from one test into another.
 */
@SpringBootTest(properties = {"eldercare.limits.family.requests-per-second=0.001", "eldercare.limits.family.burst=4"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(FamilyViewApiTest.Fakes.class)
class FamilyViewApiTest {

    static final String WANG = "p-dayu-0042";
    static final String OTHER_STREET_PERSON = "p-longquan-0007";
    static final String DAYU_OFFICE = "test-office-dayu";
    static final String CITY_OFFICE = "demo-civil-affairs";
    static final Pattern CODE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    static final Pattern FULL_IDENTIFIER = Pattern.compile("\\d{11,}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    InMemoryCodes codes;

    @Autowired
    ActionRecordingAuditLog audit;

    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void reset() {
        codes.documents.clear();
        audit.clear();
    }

    @Test
    void issuesACodeShownOnceAndKeepsOnlyItsDigestAndMask() throws Exception {
        MvcTestResult issued = issue(DAYU_OFFICE, WANG);

        assertThat(issued).hasStatus(201);
        assertThat(issued.getResponse().getHeader("Cache-Control")).contains("no-store");
        JsonNode body = json(issued);
        String code = body.path("code").asText();
        assertThat(code).matches(CODE);
        assertThat(body.path("codeId").asText()).matches("fc-[0-9a-f]{16}");
        assertThat(body.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("codeMasked").asText()).isEqualTo("****-****-**" + code.substring(12));
        assertThat(OffsetDateTime.parse(body.path("expiresAt").asText()))
                .isEqualTo(OffsetDateTime.parse(body.path("issuedAt").asText()).plusDays(180));

        FamilyCodeDocument stored = codes.documents.values().iterator().next();
        String normalised = code.replace("-", "");
        assertThat(stored.codeDigest()).matches("[0-9a-f]{64}");
        assertThat(stored.toString()).doesNotContain(normalised, code);
        assertThat(stored.streetCode()).isEqualTo("110109001");

        MvcTestResult listed = list(DAYU_OFFICE, "?personId=" + WANG);
        assertThat(listed).hasStatusOk();
        assertThat(listed).bodyText().doesNotContain(normalised, code.substring(0, 4) + "-");
        assertThat(json(listed).path("items").get(0).path("codeMasked").asText())
                .isEqualTo(body.path("codeMasked").asText());
        assertThat(audit.entries)
                .containsExactly("office-dayu FAMILY_CODE_ISSUED " + WANG, "office-dayu FAMILY_CODES_LISTED " + WANG);
    }

    @Test
    void opensTheEldersIncidentsAndDevicesMaskedWithTheBirthYearOnlyAndAuditsTheCodesId() throws Exception {
        JsonNode issued = json(issue(DAYU_OFFICE, WANG));
        audit.clear();

        MvcTestResult view = view("10.7.1.1", issued.path("code").asText().toLowerCase());

        assertThat(view).hasStatusOk();
        assertThat(view.getResponse().getHeader("Cache-Control")).contains("no-store");
        JsonNode answer = json(view);
        assertThat(names(answer))
                .containsExactlyInAnyOrder("person", "incidents", "devices", "visits", "codeExpiresAt", "asOf");
        assertThat(answer.path("person").path("nameMasked").asText()).isEqualTo("王*英");
        assertThat(answer.path("person").path("birthYear").asInt()).isEqualTo(1938);
        assertThat(answer.path("person").path("streetName").asText()).isEqualTo("大峪街道");
        assertThat(names(answer.path("person")))
                .containsExactlyInAnyOrder("nameMasked", "birthYear", "districtName", "streetName");
        assertThat(answer.path("incidents")).hasSize(2);
        assertThat(answer.path("incidents").get(0).path("rule").asText()).isEqualTo("SOS");
        assertThat(answer.path("devices").findValuesAsText("status")).containsExactly("SOS", "SILENT", "ONLINE");
        assertThat(answer.path("visits").findValuesAsText("visitedAt"))
                .as("her visits only, newest first")
                .containsExactly("2026-11-30T10:00:00+08:00", "2026-11-27T09:30:00+08:00");
        assertThat(names(answer.path("visits").get(0)))
                .containsExactlyInAnyOrder("visitedAt", "durationMinutes", "confirmation", "facilityName");
        assertThat(answer.path("visits").get(0).path("confirmation").asText()).isEqualTo("PHONE_LOCATION");
        assertThat(answer.path("visits").get(0).path("facilityName").asText()).isEqualTo("大峪街道养老服务驿站");
        assertThat(answer.path("visits").get(0).path("durationMinutes").asInt()).isEqualTo(40);
        assertThat(view)
                .bodyText()
                .as("no identifier, label, location, operator or device id")
                .doesNotContain(
                        WANG,
                        "110109********1234",
                        "138****5678",
                        "LIVING_ALONE",
                        "sos-button-17",
                        "meter-5",
                        "op-1",
                        "inc-",
                        "39.93",
                        "hotline",
                        "cg-7",
                        "f-dayu",
                        "v-100",
                        "龙泉");
        assertThat(FULL_IDENTIFIER
                        .matcher(view.getResponse().getContentAsString())
                        .find())
                .isFalse();
        assertThat(audit.entries).containsExactly(issued.path("codeId").asText() + " FAMILY_VIEW " + WANG);
        assertThat(audit.roles).containsExactly("FAMILY_CODE");
        assertThat(String.join(" ", audit.entries))
                .doesNotContain(issued.path("code").asText().replace("-", ""));
    }

    @Test
    void listsEveryDeviceBoundToTheElderFromTheDevicesIndexAndLeavesTheUnboundOneOut() throws Exception {
        JsonNode issued = json(issue(DAYU_OFFICE, WANG));

        JsonNode devices = json(view("10.7.1.2", issued.path("code").asText())).path("devices");

        assertThat(devices)
                .extracting(d -> d.path("deviceKind").asText() + " "
                        + d.path("status").asText() + " " + d.path("since").asText())
                .as("the SOS being handled first, then the silent watch, then the meter that never raised an"
                        + " incident; not the unbound door sensor, not another person's watch")
                .containsExactly(
                        "SOS_BUTTON SOS 2026-11-30T08:15:00+08:00",
                        "SMART_WATCH SILENT 2026-11-29T21:00:00+08:00",
                        "WATER_METER ONLINE 2026-11-25T08:00:00+08:00");
        assertThat(names(devices.get(2))).containsExactlyInAnyOrder("deviceKind", "status", "since");
    }

    @Test
    void aDeviceTheIndexDoesNotHoldIsListedOnlyWhileAnOpenIncidentNamesIt() {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> open = List.of(
                Fakes.incident(mapper, "DEVICE_SILENT", "OPEN", "door-8", "DOOR_SENSOR", "2026-11-30T07:00:00+08:00"),
                Fakes.incident(
                        mapper, "DEVICE_SILENT", "OPEN", "watch-old", "SMART_WATCH", "2026-11-28T07:00:00+08:00"),
                Fakes.incident(mapper, "SOS", "OPEN", "watch-9", "SMART_WATCH", "2026-11-27T07:00:00+08:00"));
        List<JsonNode> documents = List.of(
                Fakes.device(mapper, "door-8", "DOOR_SENSOR", WANG, "UNBOUND", "2026-11-30T09:00:00+08:00"),
                Fakes.device(
                        mapper, "watch-9", "SMART_WATCH", OTHER_STREET_PERSON, "ONLINE", "2026-11-29T09:00:00+08:00"));

        assertThat(FamilyViewController.devices(WANG, documents, open))
                .extracting(d -> d.deviceKind() + " " + d.status())
                .as("bound before the index and silent since: listed; unbound, or another person's now: not")
                .containsExactly("SMART_WATCH SILENT");
    }

    @Test
    void refusesARevokedCodeAtOnceWithTheSame401AsAWrongOne() throws Exception {
        JsonNode issued = json(issue(DAYU_OFFICE, WANG));
        String code = issued.path("code").asText();
        assertThat(view("10.7.2.1", code)).hasStatusOk();

        MvcTestResult revoked = revoke(DAYU_OFFICE, issued.path("codeId").asText());

        assertThat(revoked).hasStatusOk();
        assertThat(json(revoked).path("state").asText()).isEqualTo("REVOKED");
        assertThat(json(revoked).path("revokedBy").asText()).isEqualTo("office-dayu");
        MvcTestResult refused = view("10.7.2.1", code);
        assertThat(refused).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json(refused).path("detail").asText())
                .isEqualTo("code: is not a valid family access code (wrong, revoked or expired)");
        assertThat(json(view("10.7.2.2", "ZZZZ-ZZZZ-ZZZZ")).path("detail").asText())
                .isEqualTo(json(refused).path("detail").asText());
        assertThat(json(view("10.7.2.3", "")).path("detail").asText()).isEqualTo("code: is required");
        String firstRevokedAt = json(revoked).path("revokedAt").asText();
        assertThat(json(revoke(CITY_OFFICE, issued.path("codeId").asText()))
                        .path("revokedAt")
                        .asText())
                .as("revoking again keeps the first revocation")
                .isEqualTo(firstRevokedAt);
    }

    @Test
    void refusesAnExpiredCode() throws Exception {
        JsonNode issued = json(issue(DAYU_OFFICE, WANG));
        codes.documents.replaceAll((digest, d) -> new FamilyCodeDocument(
                d.codeId(),
                d.codeDigest(),
                d.codeMasked(),
                d.personId(),
                d.districtCode(),
                d.streetCode(),
                d.issuedBy(),
                d.issuedAt().minusDays(181),
                d.expiresAt().minusDays(181),
                null,
                null));

        assertThat(view("10.7.3.1", issued.path("code").asText())).hasStatus(401);
        assertThat(json(list(DAYU_OFFICE, ""))
                        .path("items")
                        .get(0)
                        .path("state")
                        .asText())
                .isEqualTo("EXPIRED");
    }

    @Test
    void keepsAStreetOfficeToThePeopleOfItsStreet() throws Exception {
        MvcTestResult outside = issue(DAYU_OFFICE, OTHER_STREET_PERSON);
        assertThat(outside).hasStatus(403);
        assertThat(json(outside).path("detail").asText())
                .isEqualTo("personId: person " + OTHER_STREET_PERSON + " is outside your scope 110109001");

        JsonNode cityIssued = json(issue(CITY_OFFICE, OTHER_STREET_PERSON));
        assertThat(revoke(DAYU_OFFICE, cityIssued.path("codeId").asText())).hasStatus(403);
        assertThat(list(DAYU_OFFICE, "?personId=" + OTHER_STREET_PERSON)).hasStatus(403);
        assertThat(json(list(DAYU_OFFICE, "")).path("total").asInt())
                .as("the street's listing leaves other streets' codes out")
                .isZero();
        assertThat(json(list(CITY_OFFICE, "")).path("total").asInt()).isEqualTo(1);
        assertThat(issue("demo-planner", WANG)).hasStatus(403);
        assertThat(issue("demo-admin", WANG))
                .as("an admin revokes, never issues")
                .hasStatus(403);
        assertThat(revoke("demo-admin", cityIssued.path("codeId").asText())).hasStatusOk();
    }

    @Test
    void namesTheFieldOfEachBadIssueRequest() throws Exception {
        assertThat(json(issueBody(DAYU_OFFICE, "{}")).path("detail").asText()).isEqualTo("personId: is required");
        assertThat(json(issue(DAYU_OFFICE, "p/1")).path("detail").asText())
                .isEqualTo("personId: must be 1-64 of [A-Za-z0-9_-]");
        MvcTestResult unknown = issue(DAYU_OFFICE, "p-nobody");
        assertThat(unknown).hasStatus(404);
        assertThat(json(unknown).path("detail").asText()).isEqualTo("personId: no registered person p-nobody");
        assertThat(json(revoke(DAYU_OFFICE, "fc-0000000000000000"))
                        .path("detail")
                        .asText())
                .isEqualTo("codeId: no family code fc-0000000000000000");
        assertThat(mvc.post()
                        .uri("/api/v1/family-codes")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"personId\":\"" + WANG + "\"}")
                        .exchange())
                .as("no token")
                .hasStatus(401);
    }

    @Test
    void answersNothingWhenTheViewCannotBeAudited() throws Exception {
        JsonNode issued = json(issue(DAYU_OFFICE, WANG));
        audit.failing = true;

        MvcTestResult view = view("10.7.5.1", issued.path("code").asText());

        assertThat(view).hasStatus(503);
        assertThat(view).bodyText().doesNotContain("王*英");
    }

    @Test
    void limitsGuessesPerClientAddressApartFromTheFinder() throws Exception {
        MvcTestResult refused = null;
        for (int i = 0; i < 6 && refused == null; i++) {
            MvcTestResult reply = view("10.7.6.1", "ABCD-EFGH-JK" + (10 + i));
            if (reply.getResponse().getStatus() == 429) {
                refused = reply;
            }
        }

        assertThat(refused).as("the fifth guess from one address").isNotNull();
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(json(refused).path("detail").asText())
                .isEqualTo("rate limit: at most 0.001 requests per second per client address (family)");
        assertThat(json(refused).path("limit").asText()).isEqualTo("family.requests-per-second");
        assertThat(view("10.7.6.2", "ABCD-EFGH-JKMN"))
                .as("another address keeps its allowance")
                .hasStatus(401);
        assertThat(mvc.get()
                        .uri("/api/v1/public/facilities/nearby?lat=39.9&lon=116.4&radiusKm=25")
                        .with(r -> {
                            r.setRemoteAddr("10.7.6.1");
                            return r;
                        })
                        .exchange())
                .as("the finder's allowance is its own")
                .hasStatus(400);
    }

    MvcTestResult issue(String token, String personId) {
        return issueBody(token, "{\"personId\":\"" + personId + "\"}");
    }

    MvcTestResult issueBody(String token, String body) {
        return mvc.post()
                .uri("/api/v1/family-codes")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    MvcTestResult list(String token, String query) {
        return mvc.get()
                .uri("/api/v1/family-codes" + query)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    MvcTestResult revoke(String token, String codeId) {
        return mvc.delete()
                .uri("/api/v1/family-codes/" + codeId)
                .header("Authorization", "Bearer " + token)
                .exchange();
    }

    MvcTestResult view(String address, String code) {
        return mvc.post()
                .uri("/api/v1/family/view")
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                })
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.createObjectNode().put("code", code).toString())
                .exchange();
    }

    JsonNode json(MvcTestResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    static List<String> names(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The code documents the API would index, by digest; a get here is as real-time as the index's. */
    static final class InMemoryCodes extends FamilyCodeStore {
        final Map<String, FamilyCodeDocument> documents = new ConcurrentHashMap<>();

        InMemoryCodes() {
            super(null);
        }

        @Override
        void write(FamilyCodeDocument code) {
            documents.put(code.codeDigest(), code);
        }

        @Override
        Optional<FamilyCodeDocument> byDigest(String digest) {
            return Optional.ofNullable(documents.get(digest));
        }

        @Override
        Optional<FamilyCodeDocument> byCodeId(String codeId) {
            return documents.values().stream()
                    .filter(d -> d.codeId().equals(codeId))
                    .findFirst();
        }

        @Override
        Page list(String scope, String personId, int page, int size) {
            List<FamilyCodeDocument> all = documents.values().stream()
                    .filter(d -> scope == null
                            || (scope.length() == 9 ? scope.equals(d.streetCode()) : scope.equals(d.districtCode())))
                    .filter(d -> personId == null || personId.equals(d.personId()))
                    .sorted(Comparator.comparing(FamilyCodeDocument::issuedAt).reversed())
                    .toList();
            return new Page(all.stream().skip((long) page * size).limit(size).toList(), all.size());
        }
    }

    @TestConfiguration
    static class Fakes {

        @Bean
        @Primary
        InMemoryCodes inMemoryCodes() {
            return new InMemoryCodes();
        }

        @Bean
        @Primary
        ActionRecordingAuditLog recordingAudit() {
            return new ActionRecordingAuditLog();
        }

        /**
         * 王桂英 of 大峪街道 with an SOS, a silent watch, a water meter that never raised an incident and an unbound door
         * sensor, as the job indexes them; a person of 龙泉镇 with a watch of her own.
         */
        @Bean
        @Primary
        FamilyReads inMemoryReads() {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode wang = mapper.createObjectNode()
                    .put("personId", WANG)
                    .put("districtCode", "110109")
                    .put("streetCode", "110109001")
                    .put("nameMasked", "王*英")
                    .put("idNumberMasked", "110109********1234")
                    .put("phoneMasked", "138****5678")
                    .put("birthYear", 1938)
                    .put("age", 88)
                    .put("livingArrangement", "ALONE");
            wang.putArray("labels").addObject().put("label", "LIVING_ALONE").put("evidence", "livingArrangement ALONE");
            ObjectNode other = mapper.createObjectNode()
                    .put("personId", OTHER_STREET_PERSON)
                    .put("districtCode", "110109")
                    .put("streetCode", "110109006")
                    .put("nameMasked", "李*")
                    .put("birthYear", 1941);
            List<JsonNode> incidents = List.of(
                    incident(mapper, "SOS", "ACKNOWLEDGED", "sos-button-17", "SOS_BUTTON", "2026-11-30T08:15:00+08:00")
                            .set(
                                    "location",
                                    mapper.createObjectNode()
                                            .put("lat", 39.9361)
                                            .put("lon", 116.1042)),
                    incident(mapper, "DEVICE_SILENT", "OPEN", "watch-3", "SMART_WATCH", "2026-11-29T21:00:00+08:00"));
            List<JsonNode> devices = List.of(
                    device(mapper, "sos-button-17", "SOS_BUTTON", WANG, "ONLINE", "2026-11-20T10:00:00+08:00"),
                    device(mapper, "watch-3", "SMART_WATCH", WANG, "SILENT", "2026-11-29T21:00:00+08:00"),
                    device(mapper, "meter-5", "WATER_METER", WANG, "ONLINE", "2026-11-25T08:00:00+08:00"),
                    device(mapper, "door-8", "DOOR_SENSOR", WANG, "UNBOUND", "2026-11-26T08:00:00+08:00"),
                    device(
                            mapper,
                            "watch-9",
                            "SMART_WATCH",
                            OTHER_STREET_PERSON,
                            "ONLINE",
                            "2026-11-26T08:00:00+08:00"));
            List<JsonNode> visits = List.of(
                    visit(mapper, "v-100", WANG, "2026-11-27T09:30:00+08:00", "CARD_SWIPE", 30, "大峪街道养老服务驿站"),
                    visit(mapper, "v-101", OTHER_STREET_PERSON, "2026-11-30T11:00:00+08:00", "FACE", 20, "龙泉镇养老驿站"),
                    visit(mapper, "v-102", WANG, "2026-11-30T10:00:00+08:00", "PHONE_LOCATION", 40, "大峪街道养老服务驿站"));
            return new FamilyReads(null) {
                @Override
                Optional<JsonNode> person(String personId) {
                    return Optional.ofNullable(
                            WANG.equals(personId) ? wang : OTHER_STREET_PERSON.equals(personId) ? other : null);
                }

                @Override
                List<JsonNode> incidents(String personId, int size) {
                    return WANG.equals(personId) ? incidents : List.of();
                }

                @Override
                List<JsonNode> devices(String personId, int size) {
                    // As the index's query would: bound to this person now, not unbound, latest status first.
                    return devices.stream()
                            .filter(d -> personId.equals(d.path("personId").asText()))
                            .filter(d -> !"UNBOUND".equals(d.path("status").asText()))
                            .sorted(Comparator.comparing((JsonNode d) ->
                                            d.path("statusSince").asText())
                                    .reversed())
                            .limit(size)
                            .toList();
                }

                @Override
                List<JsonNode> devicesById(List<String> ids) {
                    return devices.stream()
                            .filter(d -> ids.contains(d.path("id").asText()))
                            .toList();
                }

                @Override
                List<JsonNode> openDeviceIncidents(String personId, int size) {
                    return WANG.equals(personId)
                            ? incidents.stream()
                                    .filter(i -> List.of("SOS", "DEVICE_SILENT")
                                            .contains(i.path("rule").asText()))
                                    .filter(i ->
                                            !"RESOLVED".equals(i.path("state").asText()))
                                    .toList()
                            : List.of();
                }

                @Override
                List<JsonNode> visits(String personId, int size) {
                    // As the index's term query and sort would: this person's, newest first.
                    return visits.stream()
                            .filter(v -> personId.equals(v.path("personId").asText()))
                            .sorted(Comparator.comparing(
                                            (JsonNode v) -> v.path("visitedAt").asText())
                                    .reversed())
                            .limit(size)
                            .toList();
                }
            };
        }

        /** A visit as the job indexes it (docs/CONTRACT.md §9.3), caregiver and operator included. */
        private static ObjectNode visit(
                ObjectMapper mapper,
                String visitId,
                String personId,
                String visitedAt,
                String confirmation,
                int minutes,
                String facilityName) {
            return mapper.createObjectNode()
                    .put("id", "op-1:" + visitId)
                    .put("visitId", visitId)
                    .put("operatorId", "op-1")
                    .put("facilityId", "f-dayu-3")
                    .put("facilityName", facilityName)
                    .put("districtCode", "110109")
                    .put("streetCode", "110109001")
                    .put("caregiverId", "cg-7")
                    .put("personId", personId)
                    .put("visitedAt", visitedAt)
                    .put("durationMinutes", minutes)
                    .put("confirmation", confirmation)
                    .put("recordedAt", visitedAt);
        }

        /** A device's binding as the job indexes it (docs/CONTRACT.md §9.9), device and operator ids included. */
        static ObjectNode device(
                ObjectMapper mapper, String deviceId, String kind, String personId, String status, String since) {
            return mapper.createObjectNode()
                    .put("id", "op-1/" + deviceId)
                    .put("operatorId", "op-1")
                    .put("deviceId", deviceId)
                    .put("deviceKind", kind)
                    .put("personId", personId)
                    .put("districtCode", "110109")
                    .put("streetCode", "110109001")
                    .put("heartbeatSeconds", 300)
                    .put("status", status)
                    .put("statusSince", since)
                    .put("boundAt", "2026-11-20T10:00:00+08:00")
                    .put("lastSignalAt", since);
        }

        static ObjectNode incident(
                ObjectMapper mapper, String rule, String state, String deviceId, String kind, String openedAt) {
            ObjectNode incident = mapper.createObjectNode()
                    .put("incidentId", "inc-0123456789abcdef01234567")
                    .put("rule", rule)
                    .put("state", state)
                    .put("operatorId", "op-1")
                    .put("deviceId", deviceId)
                    .put("deviceKind", kind)
                    .put("personId", WANG)
                    .put("evidence", rule + " from " + kind + " " + deviceId)
                    .put("assignedTo", "hotline")
                    .put("openedAt", openedAt);
            incident.putObject("person")
                    .put("nameMasked", "王*英")
                    .put("idNumberMasked", "110109********1234")
                    .put("birthYear", 1938);
            return incident;
        }
    }
}
