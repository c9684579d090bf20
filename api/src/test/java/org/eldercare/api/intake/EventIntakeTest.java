package org.eldercare.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.eldercare.ingest.deadletter.Rejection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IntakeFakes.class)
class EventIntakeTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingEventLog log;

    @BeforeEach
    void reset() {
        log.appended.clear();
        log.rejected.clear();
        log.brokerDown = false;
    }

    static String bedOccupied(String operator, String id, String facility, int count) {
        return """
                {"specversion":"1.0","id":"%s","source":"/operators/%s","type":"bed.occupied",
                 "time":"2026-11-23T11:59:00+08:00","data":{"facilityId":"%s","count":%d}}""".formatted(id, operator, facility, count);
    }

    MvcTestResult post(String token, String contentType, String body) {
        return mvc.post()
                .uri("/api/v1/events")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.parseMediaType(contentType))
                .content(body)
                .exchange();
    }

    @Test
    void acceptsOneValidEventAndWritesIt() {
        var result = post("demo-operator-1", EventController.SINGLE, bedOccupied("op-1", "e-1", "f-1", 2));

        assertThat(result)
                .hasStatus(202)
                .bodyJson()
                .extractingPath("$.accepted")
                .isEqualTo(1);
        assertThat(log.appended)
                .singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo("e-1"));
    }

    @Test
    void reportsEachBadEventOfABatchByIndexAndSendsItToTheDeadLetters() {
        String batch = "[" + bedOccupied("op-1", "b-1", "f-1", 1) + "," + bedOccupied("op-1", "b-2", "f-1", 900) + "]";

        var result = post("demo-operator-1", EventController.BATCH, batch);

        assertThat(result).hasStatus(202);
        assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
        assertThat(result).bodyJson().extractingPath("$.rejected[0].index").isEqualTo(1);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[0].errors[0]")
                .asString()
                .startsWith("data.count:");
        assertThat(log.rejected)
                .singleElement()
                .satisfies(r -> assertThat(r.operatorId()).isEqualTo("op-1"));
    }

    @Test
    void countsAResentEventAsADuplicate() {
        post("demo-operator-1", EventController.SINGLE, bedOccupied("op-1", "d-1", "f-1", 1));

        var again = post("demo-operator-1", EventController.SINGLE, bedOccupied("op-1", "d-1", "f-1", 1));

        assertThat(again).bodyJson().extractingPath("$.duplicates").isEqualTo(1);
        assertThat(again).bodyJson().extractingPath("$.accepted").isEqualTo(0);
        assertThat(log.appended).hasSize(1);
    }

    @Test
    void rejectsAnEventUnderAnotherOperatorsSource() {
        var result = post("demo-operator-2", EventController.SINGLE, bedOccupied("op-1", "x-1", "f-1", 1));

        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[0].errors[0]")
                .isEqualTo("source: must be /operators/op-2 for this token");
        assertThat(log.appended).isEmpty();
    }

    @Test
    void filesARejectionUnderTheCallersOperatorSoAnotherOperatorCannotOverwriteIt() {
        post("demo-operator-1", EventController.SINGLE, bedOccupied("op-1", "x-2", "f-1", 900));
        post("demo-operator-2", EventController.SINGLE, bedOccupied("op-1", "x-2", "f-1", 900));

        // Same claimed source, same event id, same stage: only the verified operator tells them apart.
        assertThat(log.rejected).hasSize(2);
        Rejection own = log.rejected.get(0);
        Rejection forged = log.rejected.get(1);
        assertThat(own.operatorId()).isEqualTo("op-1");
        assertThat(forged.operatorId()).isEqualTo("op-2");
        assertThat(forged.source()).isEqualTo(own.source());
        assertThat(forged.documentId()).isNotEqualTo(own.documentId());
        assertThat(own.documentId()).isEqualTo("op-1|/operators/op-1|x-2|INTAKE");
    }

    @Test
    void answers503AndAcceptsNothingWhenTheBrokerIsDown() {
        log.brokerDown = true;

        var result = post("demo-operator-1", EventController.SINGLE, bedOccupied("op-1", "u-1", "f-1", 1));

        assertThat(result).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        log.brokerDown = false;
        var retry = post("demo-operator-1", EventController.SINGLE, bedOccupied("op-1", "u-1", "f-1", 1));
        assertThat(retry).bodyJson().extractingPath("$.accepted").isEqualTo(1);
    }

    @Test
    void refusesAMissingTokenWith401Problem() {
        var result = mvc.post()
                .uri("/api/v1/events")
                .contentType(MediaType.parseMediaType(EventController.SINGLE))
                .content(bedOccupied("op-1", "a-1", "f-1", 1))
                .exchange();

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void letsTheHotlineSendItsStepsOnIncidentsAndNothingElse() {
        String acknowledged = """
                {"specversion":"1.0","id":"h-2","source":"/hotline/desk-3","type":"incident.acknowledged",
                 "time":"2026-11-23T11:59:00+08:00","data":{"incidentId":"inc-0123456789abcdef01234567"}}""";
        String batch = "[" + acknowledged + "," + bedOccupied("op-1", "h-1", "f-1", 1) + "]";

        var result = post("demo-hotline", EventController.BATCH, batch);

        assertThat(result)
                .hasStatus(202)
                .bodyJson()
                .extractingPath("$.accepted")
                .isEqualTo(1);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[0].errors")
                .asArray()
                .contains("type: a hotline may only send incident.acknowledged, incident.dispatched, incident.resolved,"
                        + " call.logged, workorder.opened and workorder.dispatched");
    }

    @Test
    void refusesAnOperatorsIncidentStep() {
        String acknowledged = """
                {"specversion":"1.0","id":"o-2","source":"/operators/op-1","type":"incident.acknowledged",
                 "time":"2026-11-23T11:59:00+08:00","data":{"incidentId":"inc-0123456789abcdef01234567"}}""";

        assertThat(post("demo-operator-1", EventController.SINGLE, acknowledged))
                .bodyJson()
                .extractingPath("$.rejected[0].errors[0]")
                .isEqualTo("source: incident.acknowledged must come from /hotline/<desk>");
    }

    @Test
    void refusesAWrongContentTypeWith415() {
        assertThat(post("demo-operator-1", "text/plain", "hello")).hasStatus(415);
    }

    @Test
    void refusesABodyThatIsNotJsonWith400() {
        assertThat(post("demo-operator-1", EventController.BATCH, "[{not json"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesABatchOverFiveThousandEventsWith413() {
        String batch = "[" + String.join(",", java.util.Collections.nCopies(5001, "{}")) + "]";

        assertThat(post("demo-operator-1", EventController.BATCH, batch))
                .hasStatus(413)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("body: must hold at most 5000 events; event 5001 is over");
    }

    @Test
    void stopsReadingABatchAtEventFiveThousandAndOne() {
        // What follows event 5,001 is never parsed: a broken tail there does not turn the 413 into a 400.
        String batch = "[" + String.join(",", java.util.Collections.nCopies(5001, "{}")) + ",{broken";

        assertThat(post("demo-operator-1", EventController.BATCH, batch)).hasStatus(413);
    }

    @Test
    void stillRefusesBrokenJsonWithinTheFirstFiveThousandEventsWith400() {
        String batch = "[" + String.join(",", java.util.Collections.nCopies(4999, "{}")) + ",{broken";

        assertThat(post("demo-operator-1", EventController.BATCH, batch)).hasStatus(400);
    }

    @Test
    void refusesTrailingContentAfterOneEventWith400() {
        assertThat(post("demo-operator-1", EventController.SINGLE, bedOccupied("op-1", "t-1", "f-1", 1) + " {}"))
                .hasStatus(400);
    }

    @Test
    void refusesADeclaredBodyOverFiveMebibytesWith413() {
        String big = "[" + " ".repeat(5 * 1024 * 1024) + "]";

        assertThat(post("demo-operator-1", EventController.BATCH, big))
                .hasStatus(413)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("body: must be at most 5242880 bytes (5 MiB)");
    }

    @Test
    void refusesACsvWithAHugeNumberCellWith413NamingLineAndColumn() {
        String csv = "id,source,type,time,facilityId,meals,mealType\n"
                + "m-1,/operators/op-1,meal.served,2026-11-23T11:50:00+08:00,f-1," + "9".repeat(1_000_000) + ",LUNCH\n";

        var result = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", "Bearer demo-operator-1")
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv)
                .exchange();

        assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("line 2, column meals: must be at most 512 characters");
    }

    @Test
    void importsCsvRowsAndNamesTheLineAndColumnOfABadCell() {
        String csv = """
                id,source,type,time,facilityId,meals,mealType
                m-1,/operators/op-1,meal.served,2026-11-23T11:50:00+08:00,f-1,12,LUNCH
                m-2,/operators/op-1,meal.served,2026-11-23T11:51:00+08:00,f-1,twelve,LUNCH
                """;

        var result = mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", "Bearer demo-operator-1")
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv)
                .exchange();

        assertThat(result).hasStatus(202);
        assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[0].errors[0]")
                .asString()
                .startsWith("line 3, column meals:");
    }
}
