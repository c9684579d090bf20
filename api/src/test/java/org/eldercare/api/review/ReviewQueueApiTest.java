package org.eldercare.api.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eldercare.api.intake.RecordingEventLog;
import org.eldercare.api.recipient.ActionRecordingAuditLog;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.IdentityReviewed;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ReviewDecision;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.IdNumbers;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.InMemoryPersonStore;
import org.eldercare.search.resolve.MergeLog;
import org.eldercare.search.resolve.RecipientResolver;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.ReviewCase;
import org.eldercare.search.resolve.ReviewCaseDocument;
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
 * The identity review queue over HTTP (docs/CONTRACT.md §7.6). The cases are the resolver's own, raised from
 * namesakes of one street and turned into the job's {@code review-cases} documents; the decision goes to the event
 * log as {@code identity.reviewed}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ReviewQueueApiTest.Fakes.class)
class ReviewQueueApiTest {

    static final String WANG_PHONE = "13612345678";
    static final String LI_ID = id("110115", "19410402", 242);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingEventLog events;

    @Autowired
    ActionRecordingAuditLog audit;

    @Autowired
    Queue queue;

    @Autowired
    ReviewController controller;

    @BeforeEach
    void reset() {
        controller.forgetPendingDecisions();
        events.appended.clear();
        events.brokerDown = false;
        audit.clear();
    }

    @Test
    void listsTheCasesOfEntitledPeopleFirstWithoutDigestsOrEvidence() throws Exception {
        MvcTestResult answer = get("demo-civil-affairs", "/api/v1/identity-reviews");

        assertThat(answer).hasStatusOk();
        JsonNode page = json(answer);
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("caseId").asText())
                .as("李桂兰's case was raised later and is as probable, but she is entitled")
                .isEqualTo(queue.liCase);
        assertThat(page.path("items").get(0).path("entitled").asBoolean()).isTrue();
        assertThat(page.path("items").get(1).path("caseId").asText()).isEqualTo(queue.wangCase);
        assertThat(page.path("items").get(1).path("entitled").asBoolean()).isFalse();
        assertThat(answer).bodyText().doesNotContain("idDigests", "evidence", WANG_PHONE, LI_ID.substring(6, 14));
        assertThat(audit.entries).containsExactly("civil-affairs LIST_REVIEWS OPEN");
    }

    @Test
    void showsOneCaseSideBySideMaskedWithTheEvidencePerField() throws Exception {
        MvcTestResult answer = get("demo-admin", "/api/v1/identity-reviews/" + queue.wangCase);

        assertThat(answer).hasStatusOk();
        JsonNode found = json(answer);
        assertThat(found.path("left").path("nameMasked").asText()).isEqualTo("王*英");
        assertThat(found.path("right").path("nameMasked").asText()).isEqualTo("王*英");
        assertThat(found.path("evidence")).hasSize(7);
        assertThat(found.path("evidence").get(2).path("field").asText()).isEqualTo("name");
        assertThat(found.path("evidence").get(2).path("outcome").asText()).isEqualTo("AGREE");
        assertThat(answer).bodyText().doesNotContain(WANG_PHONE, "idDigests").contains("136****5678");
    }

    @Test
    void publishesTheDecisionAsAnIdentityReviewedEventAndAuditsIt() throws Exception {
        MvcTestResult answer =
                decide("demo-civil-affairs", queue.wangCase, "{\"decision\":\"SPLIT\",\"reason\":\"两位老人\"}");

        assertThat(answer).hasStatus(202);
        assertThat(json(answer).path("decision").asText()).isEqualTo("SPLIT");
        assertThat(events.appended).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.IDENTITY_REVIEWED);
            assertThat(e.source()).isEqualTo("/reviewers/civil-affairs");
            IdentityReviewed data = e.dataAs(IdentityReviewed.class);
            assertThat(data.caseId()).isEqualTo(queue.wangCase);
            assertThat(data.caseId()).isEqualTo(data.leftId() + "|" + data.rightId());
            assertThat(data.decision()).isEqualTo(ReviewDecision.SPLIT);
            assertThat(data.reviewer()).isEqualTo("civil-affairs");
            assertThat(data.reason()).isEqualTo("两位老人");
        });
        assertThat(audit.entries).containsExactly("civil-affairs DECIDE_REVIEW " + queue.wangCase);
    }

    @Test
    void refusesBadDecisionsNamingTheFieldAndRule() {
        assertProblem(
                decide("demo-admin", queue.wangCase, "{\"decision\":\"MERGE\",\"reason\":\"x\"}"),
                400,
                "decision: must be CONFIRM or SPLIT");
        assertProblem(
                decide("demo-admin", queue.wangCase, "{\"decision\":\"CONFIRM\",\"reason\":\" \"}"),
                400,
                "reason: must be 1 to 500 characters");
        assertProblem(
                decide("demo-admin", "rcp-x|rcp-y", "{\"decision\":\"CONFIRM\",\"reason\":\"x\"}"),
                404,
                "caseId: no review case rcp-x|rcp-y");
        assertProblem(
                decide("demo-admin", queue.decidedCase, "{\"decision\":\"CONFIRM\",\"reason\":\"x\"}"),
                409,
                "caseId: already decided (SPLIT)");
        assertProblem(
                get("demo-admin", "/api/v1/identity-reviews?status=CLOSED"),
                400,
                "status: must be OPEN, CONFIRMED, SPLIT, MERGED or ALL");
        assertProblem(get("demo-admin", "/api/v1/identity-reviews?size=201"), 400, "size: must be between 1 and 200");
        assertThat(events.appended).isEmpty();
    }

    @Test
    void refusesASecondDecisionBeforeTheJobHasAppliedTheFirst() {
        // The case still shows OPEN: the job has not applied the first decision yet.
        assertThat(decide("demo-civil-affairs", queue.wangCase, "{\"decision\":\"SPLIT\",\"reason\":\"两位老人\"}"))
                .hasStatus(202);

        assertProblem(
                decide("demo-admin", queue.wangCase, "{\"decision\":\"CONFIRM\",\"reason\":\"同一人\"}"),
                409,
                "caseId: already decided (SPLIT, not applied yet)");
        assertThat(events.appended).hasSize(1);
    }

    @Test
    void acceptsTheDecisionAgainAfterTheEventCouldNotBeWritten() {
        events.brokerDown = true;
        assertThat(decide("demo-admin", queue.wangCase, "{\"decision\":\"CONFIRM\",\"reason\":\"x\"}"))
                .hasStatus(503);
        events.brokerDown = false;

        assertThat(decide("demo-admin", queue.wangCase, "{\"decision\":\"CONFIRM\",\"reason\":\"x\"}"))
                .hasStatus(202);
    }

    @Test
    void answersNoDecisionWhenTheEventCannotBeWritten() {
        events.brokerDown = true;

        assertThat(decide("demo-admin", queue.wangCase, "{\"decision\":\"CONFIRM\",\"reason\":\"x\"}"))
                .hasStatus(503);
    }

    @Test
    void letsOnlyCivilAffairsAndAdminsReview() {
        assertThat(get("demo-hotline", "/api/v1/identity-reviews")).hasStatus(403);
        assertThat(get("demo-operator-1", "/api/v1/identity-reviews/" + queue.wangCase))
                .hasStatus(403);
        assertThat(decide("demo-planner", queue.wangCase, "{\"decision\":\"CONFIRM\",\"reason\":\"x\"}"))
                .hasStatus(403);
        assertThat(get(null, "/api/v1/identity-reviews")).hasStatus(401);
    }

    @Test
    void refusesAReviewDecisionSentByAClientAsAnEvent() {
        String forged = """
                {"specversion":"1.0","id":"forged-1","source":"/reviewers/admin","type":"identity.reviewed",
                 "time":"%s","data":{"caseId":"%s","leftId":"%s","rightId":"%s","decision":"CONFIRM",
                 "reviewer":"admin","reason":"x"}}""".formatted(
                java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8)).minusMinutes(1),
                queue.wangCase,
                queue.wangCase.split("\\|")[0],
                queue.wangCase.split("\\|")[1]);

        MvcTestResult answer = mvc.post()
                .uri("/api/v1/events")
                .header("Authorization", "Bearer demo-civil-affairs")
                .contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .content(forged)
                .exchange();

        assertThat(answer)
                .bodyText()
                .contains("type: identity.reviewed is published by the platform only (docs/CONTRACT.md §7.6)");
        assertThat(events.appended).isEmpty();
    }

    private void assertProblem(MvcTestResult answer, int status, String detail) {
        assertThat(answer).hasStatus(status).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyText().contains(detail);
    }

    private MvcTestResult get(String token, String path) {
        var request = mvc.get().uri(path);
        return (token == null ? request : request.header("Authorization", "Bearer " + token)).exchange();
    }

    private MvcTestResult decide(String token, String caseId, String body) {
        return mvc.post()
                .uri("/api/v1/identity-reviews/{caseId}/decision", caseId)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static JsonNode json(MvcTestResult answer) throws Exception {
        return new ObjectMapper().readTree(answer.getResponse().getContentAsString());
    }

    static String id(String region, String birth, int sequence) {
        String body = region + birth + String.format("%03d", sequence);
        return body + IdNumbers.checkChar(body);
    }

    /** Two open cases raised by the real resolver, and a decided one, as the job indexes them. */
    static final class Queue {
        final Map<String, JsonNode> cases = new LinkedHashMap<>();
        final Set<String> entitledDigests;
        final String wangCase;
        final String liCase;
        final String decidedCase;

        Queue(RecipientNormalizer normalizer) {
            ObjectMapper json = Elasticsearch.objectMapper();
            RecipientResolver resolver =
                    new RecipientResolver(new InMemoryPersonStore(), new MergeLog(), ResolutionThresholds.DEFAULT);
            Instant at = Instant.parse("2026-11-20T01:00:00Z");
            List<Recipient> records = List.of(
                    new Recipient("王秀英", null, WANG_PHONE, "F", null, "大兴区清源街道兴华大街1号院3号楼", null),
                    // Each second record carries a phone its same-name person does not have: name and street
                    // alone then leave the link uncertain (docs/CONTRACT.md §7.6), so it is queued, not taken.
                    new Recipient("王秀英", null, "13900001111", "F", null, "大兴区清源街道兴华大街1号院7号楼", null),
                    new Recipient("李桂兰", LI_ID, null, "F", null, "大兴区清源街道康庄路20号院2号楼", null),
                    new Recipient("李桂兰", null, "13800002222", "F", null, "大兴区清源街道康庄路20号院5号楼", null));
            List<ReviewCase> raised = new java.util.ArrayList<>();
            for (int i = 0; i < records.size(); i++) {
                raised.addAll(
                        resolver.resolve("op-1:r-" + i, at.plusSeconds(3600L * i), normalizer.normalize(records.get(i)))
                                .reviews());
            }
            assertThat(raised).hasSize(2);
            wangCase = raised.get(0).caseId();
            liCase = raised.get(1).caseId();
            entitledDigests = raised.get(1).idDigests();
            for (ReviewCase c : raised) {
                cases.put(c.caseId(), json.valueToTree(ReviewCaseDocument.open(c, at.toString())));
            }
            ObjectNode decided = ((ObjectNode) cases.get(wangCase)).deepCopy();
            decidedCase = "rcp-decided|rcp-other";
            decided.put("caseId", decidedCase).put("status", "SPLIT");
            cases.put(decidedCase, decided);
        }
    }

    @TestConfiguration
    static class Fakes {

        @Bean
        Queue queue(Regions regions) {
            // The key of application-test.yml, as the job would digest with it.
            return new Queue(
                    new RecipientNormalizer(Pii.withKey("eldercare-demo-hmac-key-change-me"), new Addresses(regions)));
        }

        @Bean
        @Primary
        ReviewDirectory inMemoryReviews(Queue queue) {
            return new ReviewDirectory(null) {
                @Override
                Optional<JsonNode> reviewCase(String caseId) {
                    return Optional.ofNullable(queue.cases.get(caseId));
                }

                @Override
                List<JsonNode> cases(String status) {
                    return queue.cases.values().stream()
                            .filter(c -> status.equals("ALL")
                                    || c.path("status").asText().equals(status))
                            .toList();
                }

                @Override
                Set<String> entitledDigests(List<String> digests) {
                    return digests.stream()
                            .filter(queue.entitledDigests::contains)
                            .collect(java.util.stream.Collectors.toSet());
                }
            };
        }

        @Bean
        @Primary
        RecordingEventLog recordingEventLog() {
            return new RecordingEventLog();
        }

        @Bean
        @Primary
        ActionRecordingAuditLog actionRecordingAuditLog() {
            return new ActionRecordingAuditLog();
        }
    }
}
