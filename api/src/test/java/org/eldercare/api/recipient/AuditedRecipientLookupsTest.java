package org.eldercare.api.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.api.recipient.RecipientFakes.HIS_ID;
import static org.eldercare.api.recipient.RecipientFakes.HIS_PHONE;

import java.util.List;
import org.eldercare.api.recipient.RecipientFakes.IndexedRecipients;
import org.eldercare.api.recipient.RecipientFakes.RecordingAuditLog;
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

/**
 * docs/CONTRACT.md §4 and §6.2: every recipient lookup is audited before it is answered, durably but without
 * waiting for the entry to become searchable. The real {@link AuditLog} runs over a {@link FakeTransport}.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(RecipientFakes.class)
class AuditedRecipientLookupsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingAuditLog audit;

    @Autowired
    IndexedRecipients indexed;

    @BeforeEach
    void reset() {
        audit.transport.failing = false;
        audit.transport.indexed.clear();
    }

    @Test
    void answersNoRecipientLookupWhoseAuditCannotBeWritten() {
        String someone = indexed.persons.keySet().iterator().next();
        audit.transport.failing = true;

        List<MvcTestResult> answers = List.of(
                match("demo-hotline", "{\"name\":\"张建国\",\"idNumber\":\"" + HIS_ID + "\"}"),
                get("demo-hotline", "/api/v1/recipients/" + someone),
                get("demo-hotline", "/api/v1/recipients/" + someone + "/services"),
                get("demo-hotline", "/api/v1/services/r-0?operatorId=op-1"));

        for (MvcTestResult answer : answers) {
            assertThat(answer).hasStatus(503).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer).bodyText().doesNotContain("张建国", "刘桂兰", HIS_ID.substring(14), "recipientId");
        }
        assertThat(audit.transport.indexed).isEmpty();
    }

    @Test
    void writesTheAuditEntryWithoutWaitingForARefresh() {
        assertThat(match("demo-hotline", "{\"name\":\"张建国\",\"phone\":\"" + HIS_PHONE + "\"}"))
                .hasStatusOk();

        assertThat(audit.transport.indexed)
                .singleElement()
                .satisfies(request -> assertThat(request.refresh()).isNull());
    }

    @Test
    void tellsTheCallerWhereTheWaitWentInServerTiming() {
        MvcTestResult answer = match("demo-hotline", "{\"name\":\"张建国\",\"phone\":\"" + HIS_PHONE + "\"}");

        assertThat(answer).hasStatusOk();
        assertThat(answer.getResponse().getHeader("Server-Timing"))
                .matches("match;dur=\\d+\\.\\d, audit;dur=\\d+\\.\\d");
    }

    private MvcTestResult match(String token, String body) {
        return mvc.post()
                .uri("/api/v1/recipients/match")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult get(String token, String uri) {
        return mvc.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }
}
