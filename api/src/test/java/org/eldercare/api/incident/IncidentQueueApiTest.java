package org.eldercare.api.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.api.recipient.ActionRecordingAuditLog;
import org.eldercare.api.workorder.CallLogReader;
import org.eldercare.api.workorder.CallOrdersReader;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.document.CallDocument;
import org.eldercare.search.document.WorkOrderDocument;
import org.eldercare.search.incident.IncidentDocument;
import org.eldercare.search.incident.IncidentTransitionRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The hotline's incident queue and call log over HTTP (docs/CONTRACT.md §9.7, §10.2): who may read them, the queue's
 * order, the errors naming their parameter, the audit of each read, and the stream that pushes an incident's new state
 * to a subscribed console. The index is an in-memory one holding what the job writes (masks and the birth year only).
 */
@SpringBootTest(
        properties = {
            "eldercare.incidents.stream.max-per-token=2",
            "eldercare.incidents.stream.max-total=3",
            "eldercare.incidents.stream.reread=PT0.05S",
            "eldercare.incidents.stream.retry=PT0.05S"
        })
@AutoConfigureMockMvc
@org.springframework.test.context.ActiveProfiles("test")
@Import(IncidentQueueApiTest.Fakes.class)
class IncidentQueueApiTest {

    static final String STREET = "110109001";
    static final String OTHER_STREET = "110109002";
    static final String FULL_ID = "110109194103051234";
    static final String FULL_PHONE = "13812345678";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MockMvc sse;

    @Autowired
    Index index;

    @Autowired
    ActionRecordingAuditLog audit;

    @Autowired
    IncidentBroadcaster broadcaster;

    final List<MvcResult> streams = new ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void closeStreams() {
        // The browser goes away: each stream gives its slot back (§6.3).
        streams.forEach(s -> s.getRequest().getAsyncContext().complete());
        streams.clear();
    }

    @BeforeEach
    void reset() {
        index.docs.clear();
        index.failing = false;
        audit.clear();
        // 王*英 pressed her button at 09:00 (due 09:03); 李*华's meter was quiet at 08:00, acknowledged (due 08:00+4h);
        // a door sensor fell silent and was resolved yesterday.
        index.put(sos("inc-000000000000000000000001", STREET, 1));
        index.put(incident(
                "inc-000000000000000000000002", "LOW_WATER", "ACKNOWLEDGED", STREET, "08:00", 2, lowWaterPerson()));
        index.put(
                incident("inc-000000000000000000000003", "DEVICE_SILENT", "RESOLVED", OTHER_STREET, "07:00", 3, null));
    }

    @Test
    void theHotlineListsOpenIncidentsFirstByDeadlineWithTheMaskedPersonAndLabelsAndItIsAudited() throws Exception {
        MvcTestResult answer = list("demo-hotline", "/api/v1/incidents");

        assertThat(answer).hasStatusOk();
        JsonNode items = json(answer).path("items");
        assertThat(items.findValuesAsText("incidentId"))
                .as("the SOS is due at 09:03, the low water at 12:00; the resolved one last")
                .containsExactly(
                        "inc-000000000000000000000001", "inc-000000000000000000000002", "inc-000000000000000000000003");
        JsonNode person = items.get(0).path("person");
        assertThat(person.path("nameMasked").asText()).isEqualTo("王*英");
        assertThat(person.path("idNumberMasked").asText()).isEqualTo("110109********1234");
        assertThat(person.path("phoneMasked").asText()).isEqualTo("138****5678");
        assertThat(person.path("birthYear").asInt()).isEqualTo(1941);
        assertThat(person.path("labels").get(0).asText()).isEqualTo("LIVING_ALONE");
        assertThat(answer).bodyText().doesNotContain(FULL_ID, FULL_PHONE, "birthDate", "1941-03-05", "19410305");
        assertThat(audit.entries).containsExactly("hotline INCIDENTS *");
    }

    @Test
    void filtersByStateAndStreet() throws Exception {
        assertThat(json(list("demo-admin", "/api/v1/incidents?state=RESOLVED"))
                        .path("items")
                        .findValuesAsText("incidentId"))
                .containsExactly("inc-000000000000000000000003");
        assertThat(json(list("demo-admin", "/api/v1/incidents?streetCode=" + STREET))
                        .path("items")
                        .findValuesAsText("incidentId"))
                .containsExactly("inc-000000000000000000000001", "inc-000000000000000000000002");
        assertThat(audit.entries).containsExactly("admin INCIDENTS *", "admin INCIDENTS " + STREET);
    }

    @Test
    void onlyTheHotlineAndAdminsReadIncidents() {
        assertThat(list(null, "/api/v1/incidents")).hasStatus(401);
        assertThat(list("demo-planner", "/api/v1/incidents")).hasStatus(403);
        assertThat(list("demo-operator-1", "/api/v1/incidents")).hasStatus(403);
        assertThat(list("demo-civil-affairs", "/api/v1/incidents/stream")).hasStatus(403);
        assertThat(list("demo-admin", "/api/v1/incidents")).hasStatusOk();
        assertThat(audit.entries).containsExactly("admin INCIDENTS *");
    }

    @Test
    void eachBadParameterIsA400ProblemNamingIt() throws Exception {
        assertProblem(
                "/api/v1/incidents?state=CLOSED", "state: must be one of OPEN, ACKNOWLEDGED, DISPATCHED, RESOLVED");
        assertProblem("/api/v1/incidents?streetCode=11010900", "streetCode: must be a 9-digit street code");
        assertProblem("/api/v1/incidents?page=-1", "page: must be at least 0");
        assertProblem("/api/v1/incidents?page=first", "page: must be an integer");
        assertProblem("/api/v1/incidents?size=201", "size: must be between 1 and 200");
        assertProblem("/api/v1/incidents/stream?streetCode=street-1", "streetCode: must be a 9-digit street code");
        assertProblem("/api/v1/calls?streetCode=1101", "streetCode: must be a 9-digit street code");
        assertProblem("/api/v1/calls?size=0", "size: must be between 1 and 200");
        assertThat(audit.entries).as("nothing was read").isEmpty();
    }

    @Test
    void anUnreadableIndexIs503() throws Exception {
        index.failing = true;
        MvcTestResult answer = list("demo-hotline", "/api/v1/incidents");
        assertThat(answer).hasStatus(503);
        assertThat(json(answer).path("detail").asText())
                .isEqualTo("incidents: the incident index cannot be read, try again shortly");
        index.failing = false;
    }

    @Test
    void aSubscribedConsoleGetsTheOpenIncidentsAndThenEachChangePushed() throws Exception {
        MockHttpServletResponse stream = open("demo-hotline", "");

        String opened = received(stream);
        assertThat(opened).startsWith(":connected\n\n");
        assertThat(opened)
                .contains("event:incident\nid:inc-000000000000000000000001\n")
                .contains("id:inc-000000000000000000000002\n")
                .as("the snapshot holds the open incidents only")
                .doesNotContain("id:inc-000000000000000000000003\n");
        assertThat(audit.entries).containsExactly("hotline INCIDENT_STREAM *");

        // The job acknowledges the SOS: the document moves, then its record arrives on the topic.
        IncidentDocument acknowledged = sos("inc-000000000000000000000001", STREET, 2);
        index.put(acknowledged);
        broadcaster.arrived(IncidentTransitionRecord.of(acknowledged));

        String pushed = received(stream).substring(opened.length());
        assertThat(pushed).startsWith("event:incident\nid:inc-000000000000000000000001\n");
        assertThat(pushed).contains("\"state\":\"ACKNOWLEDGED\"").contains("\"nameMasked\":\"王*英\"");
        assertThat(pushed).doesNotContain(FULL_ID, FULL_PHONE, "birthDate");
    }

    @Test
    void aRecordAheadOfTheIndexIsPushedOnceTheDocumentHoldsItsTransition() throws Exception {
        MockHttpServletResponse stream = open("demo-hotline", "?streetCode=" + STREET);
        int before = received(stream).length();

        IncidentDocument acknowledged = sos("inc-000000000000000000000001", STREET, 2);
        broadcaster.arrived(IncidentTransitionRecord.of(acknowledged)); // the index still holds transition 1
        assertThat(received(stream).substring(before))
                .as("no older state is pushed")
                .isEmpty();

        index.put(acknowledged);
        awaitReceived(stream, s -> s.length() > before, Duration.ofSeconds(5));
        assertThat(received(stream).substring(before)).contains("\"state\":\"ACKNOWLEDGED\"");
    }

    @Test
    void aStreamOfOneStreetGetsNothingOfAnother() throws Exception {
        MockHttpServletResponse stream = open("demo-hotline", "?streetCode=" + OTHER_STREET);
        int before = received(stream).length();

        IncidentDocument acknowledged = sos("inc-000000000000000000000001", STREET, 2);
        index.put(acknowledged);
        broadcaster.arrived(IncidentTransitionRecord.of(acknowledged));

        assertThat(received(stream).substring(before)).isEmpty();
    }

    @Test
    void aStreamOpenedWhileTheIndexCannotBeReadIsToldWhenItCanAndGetsTheOpenIncidentsItMissed() throws Exception {
        index.failing = true; // a new cluster: the incidents index is not searchable yet
        MockHttpServletResponse stream = open("demo-hotline", "");
        String opened = received(stream);
        assertThat(opened).startsWith(":connected\n\n").contains("event:unavailable\n");
        assertThat(opened).doesNotContain("event:incident");

        index.failing = false; // the index's shards are started
        awaitReceived(stream, s -> s.contains("id:inc-000000000000000000000002"), Duration.ofSeconds(5));
        String recovered = received(stream).substring(opened.length());
        assertThat(recovered)
                .as("the console is told it is live again, then sent the open incidents it missed")
                .startsWith("event:available\n")
                .contains("\"code\":\"INCIDENTS_AVAILABLE\"")
                .contains("event:incident\nid:inc-000000000000000000000001\n")
                .contains("event:incident\nid:inc-000000000000000000000002\n")
                .doesNotContain("id:inc-000000000000000000000003");
        assertThat(recovered.indexOf("event:available")).isLessThan(recovered.indexOf("event:incident"));
    }

    @Test
    void aStreamThatStayedOpenThroughAnIndexFailureIsSentTheSosRaisedAndTheIncidentResolvedMeanwhile()
            throws Exception {
        MockHttpServletResponse stream = open("demo-hotline", "");
        String opened = received(stream);
        assertThat(opened).contains("id:inc-000000000000000000000002\n");

        // The index goes away. Meanwhile the job raises a new SOS and a colleague resolves 李*华's low water: both
        // records arrive, neither document can be read, so nothing is pushed.
        index.failing = true;
        IncidentDocument newSos = sos("inc-000000000000000000000004", STREET, 1);
        IncidentDocument lowWaterResolved =
                incident("inc-000000000000000000000002", "LOW_WATER", "RESOLVED", STREET, "08:00", 3, lowWaterPerson());
        index.put(newSos);
        index.put(lowWaterResolved);
        broadcaster.arrived(IncidentTransitionRecord.of(newSos));
        broadcaster.arrived(IncidentTransitionRecord.of(lowWaterResolved));
        String during = received(stream).substring(opened.length());
        assertThat(during).contains("event:unavailable\n").doesNotContain("event:incident");

        index.failing = false;
        awaitReceived(stream, s -> s.contains("\"state\":\"RESOLVED\""), Duration.ofSeconds(10));
        String recovered = received(stream).substring(opened.length() + during.length());
        assertThat(recovered)
                .as("live again, then the SOS raised during the failure and the low water resolved during it")
                .startsWith("event:available\n")
                .contains("event:incident\nid:inc-000000000000000000000004\n")
                .contains("event:incident\nid:inc-000000000000000000000002\n")
                .contains("\"state\":\"RESOLVED\"")
                .as("an incident never shown to this stream is not sent because it was resolved")
                .doesNotContain("id:inc-000000000000000000000003");
    }

    @Test
    void aStreamWithoutAValidTokenIs401AndAnEndedStreamIsDispatchedBackWithoutBeingRefused() throws Exception {
        assertThat(list(null, "/api/v1/incidents/stream")).hasStatus(401);
        assertThat(list(null, "/api/v1/incidents/stream?access_token=not-a-token"))
                .hasStatus(401);

        MvcResult stream = sse.perform(get("/api/v1/incidents/stream").header("Authorization", "Bearer demo-hotline"))
                .andExpect(request().asyncStarted())
                .andReturn();
        // The stream reaches its timeout: the container dispatches the request back (ASYNC) to end it. That dispatch
        // carries no token; refusing it threw on the committed stream, which the container logged at ERROR.
        MockAsyncContext context = (MockAsyncContext) stream.getRequest().getAsyncContext();
        for (AsyncListener listener : List.copyOf(context.getListeners())) {
            listener.onTimeout(new AsyncEvent(context));
        }
        MockHttpServletResponse ended =
                sse.perform(asyncDispatch(stream)).andReturn().getResponse();

        assertThat(ended.getStatus()).isEqualTo(200);
        assertThat(received(ended)).startsWith(":connected\n\n");
        assertThat(broadcaster.openStreams()).as("its slot is given back").isZero();
    }

    @Test
    void aThirdStreamOfOneTokenIs429WithRetryAfter() throws Exception {
        open("demo-hotline", "");
        open("demo-hotline", "");

        MockHttpServletResponse third = sse.perform(
                        get("/api/v1/incidents/stream").header("Authorization", "Bearer demo-hotline"))
                .andReturn()
                .getResponse();

        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("10");
        assertThat(third.getContentType()).isEqualTo("application/problem+json");
        assertThat(third.getContentAsString())
                .contains("incident stream: at most 2 open streams per token; close one before opening another");
    }

    @Test
    void theCallLogIsReadByTheHotlinePlannersAndAdminsWithoutPersonalData() throws Exception {
        MvcTestResult answer = list("demo-planner", "/api/v1/calls?streetCode=" + STREET);
        assertThat(answer).hasStatusOk();
        JsonNode items = json(answer).path("items");
        assertThat(items.findValuesAsText("callId")).containsExactly("call-2", "call-1");
        assertThat(items.get(0).path("recipientId").asText()).isEqualTo("r-17");
        assertThat(items.get(0).path("workOrders").findValuesAsText("workOrderId"))
                .as("the orders opened on the call, newest first")
                .containsExactly("wo-2", "wo-1");
        assertThat(items.get(0).path("workOrders").get(0).path("state").asText())
                .isEqualTo("OPEN");
        assertThat(items.get(0).path("workOrders").get(1).path("requestType").asText())
                .isEqualTo("MEAL");
        assertThat(items.get(0).path("workOrders").get(1).path("state").asText())
                .isEqualTo("DISPATCHED");
        assertThat(items.get(1).path("workOrders").isArray()
                        && items.get(1).path("workOrders").isEmpty())
                .as("an inquiry opened no order: []")
                .isTrue();
        assertThat(items.get(0).path("workOrders").get(0).has("location"))
                .as("only id, request type and state of an order")
                .isFalse();
        assertThat(list("demo-hotline", "/api/v1/calls")).hasStatusOk();
        assertThat(list("demo-operator-1", "/api/v1/calls")).hasStatus(403);
        assertThat(list("demo-civil-affairs", "/api/v1/calls")).hasStatus(403);
    }

    private MockHttpServletResponse open(String token, String query) throws Exception {
        MvcResult result = sse.perform(
                        get("/api/v1/incidents/stream" + query).header("Authorization", "Bearer " + token))
                .andExpect(request().asyncStarted())
                .andReturn();
        streams.add(result);
        return result.getResponse();
    }

    private MvcTestResult list(String token, String path) {
        var request = mvc.get().uri(path);
        return (token == null ? request : request.header("Authorization", "Bearer " + token)).exchange();
    }

    private void assertProblem(String path, String detail) throws Exception {
        MvcTestResult answer = list("demo-hotline", path);
        assertThat(answer).as(path).hasStatus(400);
        assertThat(answer.getResponse().getContentType()).as(path).isEqualTo("application/problem+json");
        assertThat(json(answer).path("detail").asText()).as(path).isEqualTo(detail);
    }

    private static JsonNode json(MvcTestResult answer) throws Exception {
        return new ObjectMapper().readTree(answer.getResponse().getContentAsString());
    }

    static IncidentDocument.Person wang() {
        return new IncidentDocument.Person("王*英", "110109********1234", "138****5678", 1941, List.of("LIVING_ALONE"));
    }

    /** What {@code stream} has received so far. */
    private static String received(MockHttpServletResponse stream) throws Exception {
        return stream.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Waits up to {@code within} until what {@code stream} received satisfies {@code until} (pushes are async). */
    private static void awaitReceived(
            MockHttpServletResponse stream, java.util.function.Predicate<String> until, Duration within)
            throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!until.test(received(stream)) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    static IncidentDocument.Person lowWaterPerson() {
        return new IncidentDocument.Person("李*华", "110109********2345", "139****1234", 1938, List.of("LIVING_ALONE"));
    }

    /** 王*英's SOS of 09:00 with its first {@code transitions} transitions (1 opened, 2 acknowledged at 09:01). */
    static IncidentDocument sos(String id, String street, int transitions) {
        IncidentDocument doc =
                incident(id, "SOS", transitions >= 2 ? "ACKNOWLEDGED" : "OPEN", street, "09:00", 1, wang());
        if (transitions < 2) {
            return doc;
        }
        List<IncidentDocument.Transition> history = new ArrayList<>(doc.transitions());
        OffsetDateTime at = doc.openedAt().plusMinutes(1);
        history.add(new IncidentDocument.Transition(2, "incident.acknowledged", at, "/hotline/desk-3", null));
        return copy(doc, "ACKNOWLEDGED", at, history);
    }

    static IncidentDocument incident(
            String id,
            String rule,
            String state,
            String street,
            String opened,
            int seqs,
            IncidentDocument.Person person) {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-01T" + opened + ":00+08:00");
        Duration acknowledge = rule.equals("SOS") ? Duration.ofMinutes(3) : Duration.ofHours(1);
        List<IncidentDocument.Transition> history = new ArrayList<>();
        history.add(new IncidentDocument.Transition(1, "incident.opened", at, "job", null));
        for (int seq = 2; seq <= seqs; seq++) {
            String type = seq == 2 ? "incident.acknowledged" : "incident.resolved";
            history.add(new IncidentDocument.Transition(seq, type, at.plusMinutes(seq), "/hotline/desk-1", null));
        }
        return new IncidentDocument(
                id,
                rule,
                state,
                "110109",
                street,
                "op-1",
                "dev-" + id.substring(id.length() - 1),
                "SOS_BUTTON",
                person == null ? null : "p-" + id.substring(id.length() - 1),
                person,
                null,
                null,
                "incidents/rules/default.json",
                at,
                state.equals("OPEN") ? null : at.plusMinutes(2),
                null,
                state.equals("RESOLVED") ? at.plusHours(1) : null,
                at.plus(acknowledge),
                at.plusHours(4),
                at.plusHours(24),
                List.of(),
                "HOTLINE",
                0,
                List.of(),
                null,
                null,
                state.equals("RESOLVED") ? "DEVICE_FIXED" : null,
                history,
                history.getLast().at());
    }

    static IncidentDocument copy(
            IncidentDocument d,
            String state,
            OffsetDateTime acknowledgedAt,
            List<IncidentDocument.Transition> history) {
        return new IncidentDocument(
                d.incidentId(),
                d.rule(),
                state,
                d.districtCode(),
                d.streetCode(),
                d.operatorId(),
                d.deviceId(),
                d.deviceKind(),
                d.personId(),
                d.person(),
                d.location(),
                d.evidence(),
                d.rulesSource(),
                d.openedAt(),
                acknowledgedAt,
                d.dispatchedAt(),
                d.resolvedAt(),
                d.acknowledgeBy(),
                d.dispatchBy(),
                d.resolveBy(),
                d.breached(),
                d.assignedTo(),
                d.escalationLevel(),
                d.escalations(),
                d.dispatchedTo(),
                d.workOrderId(),
                d.outcome(),
                history,
                history.getLast().at());
    }

    /** The {@code incidents} index as the job leaves it, ordered as the index's query orders it (§9.7). */
    static final class Index implements IncidentReader {
        final Map<String, IncidentDocument> docs = new ConcurrentHashMap<>();
        volatile boolean failing;

        void put(IncidentDocument doc) {
            docs.put(doc.incidentId(), doc);
        }

        @Override
        public Optional<IncidentDocument> byId(String incidentId) {
            if (failing) {
                throw new IllegalStateException("incidents: connection refused");
            }
            return Optional.ofNullable(docs.get(incidentId));
        }

        @Override
        public List<IncidentDocument> page(String state, String streetCode, boolean openOnly, int page, int size) {
            if (failing) {
                throw new IllegalStateException("incidents: connection refused");
            }
            return docs.values().stream()
                    .filter(d -> state == null || d.state().equals(state))
                    .filter(d -> streetCode == null || d.streetCode().equals(streetCode))
                    .filter(d -> !openOnly || !d.state().equals(IncidentDocument.RESOLVED))
                    .sorted(Comparator.comparingInt(
                                    (IncidentDocument d) -> d.state().equals("RESOLVED") ? 1 : 0)
                            .thenComparing(Index::deadline))
                    .skip((long) page * size)
                    .limit(size)
                    .toList();
        }

        private static java.time.Instant deadline(IncidentDocument d) {
            return switch (d.state()) {
                case "OPEN" -> d.acknowledgeBy().toInstant();
                case "ACKNOWLEDGED" -> d.dispatchBy().toInstant();
                case "DISPATCHED" -> d.resolveBy().toInstant();
                default -> java.time.Instant.MAX.minusSeconds(d.resolvedAt().toEpochSecond());
            };
        }
    }

    @TestConfiguration
    static class Fakes {

        @Bean
        @Primary
        Index inMemoryIncidents() {
            return new Index();
        }

        @Bean
        @Primary
        CallLogReader calls() {
            CallDocument earlier = new CallDocument(
                    "call-1",
                    OffsetDateTime.parse("2026-12-01T08:55:00+08:00"),
                    120,
                    "110109",
                    STREET,
                    "INQUIRY",
                    null,
                    "desk-3",
                    OffsetDateTime.parse("2026-12-01T08:57:00+08:00"));
            CallDocument later = new CallDocument(
                    "call-2",
                    OffsetDateTime.parse("2026-12-01T09:05:00+08:00"),
                    300,
                    "110109",
                    STREET,
                    "EMERGENCY",
                    "r-17",
                    "desk-3",
                    OffsetDateTime.parse("2026-12-01T09:10:00+08:00"));
            return (street, page, size) -> List.of(later, earlier);
        }

        /** The emergency call of 09:05 opened a meal order, dispatched, and then a bathing one, still open. */
        @Bean
        @Primary
        CallOrdersReader callOrders() {
            WorkOrderDocument meal = order("wo-1", "MEAL", WorkOrderDocument.DISPATCHED, "09:07");
            WorkOrderDocument bathing = order("wo-2", "BATHING", WorkOrderDocument.OPEN, "09:08");
            return callIds -> callIds.contains("call-2") ? Map.of("call-2", List.of(bathing, meal)) : Map.of();
        }

        private static WorkOrderDocument order(String id, String requestType, String state, String opened) {
            OffsetDateTime at = OffsetDateTime.parse("2026-12-01T" + opened + ":00+08:00");
            boolean dispatched = state.equals(WorkOrderDocument.DISPATCHED);
            return new WorkOrderDocument(
                    id,
                    "call-2",
                    requestType,
                    "110109",
                    STREET,
                    new GeoPoint(39.94, 116.1),
                    "r-17",
                    state,
                    at,
                    dispatched ? at.plusMinutes(3) : null,
                    dispatched ? "station-1" : null,
                    dispatched ? 1.2 : null,
                    null,
                    null,
                    dispatched ? 180L : null,
                    null);
        }

        @Bean
        @Primary
        ActionRecordingAuditLog actionRecordingAuditLog() {
            return new ActionRecordingAuditLog();
        }
    }
}
