package org.eldercare.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The limits of docs/CONTRACT.md §6.3 as the API applies them: after authentication, per token, as problem+json.
 * The rates are tiny so a handful of requests crosses them without depending on timing.
 */
@SpringBootTest(
        properties = {
            "eldercare.limits.intake.requests-per-second=0.001",
            "eldercare.limits.intake.burst=2",
            "eldercare.limits.imports.requests-per-second=0.001",
            "eldercare.limits.imports.burst=1",
            "eldercare.limits.match.requests-per-second=0.001",
            "eldercare.limits.match.burst=1",
            "eldercare.limits.match-body-size=16KB"
        })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IntakeFakes.class)
class AbuseLimitsWebTest {

    @Autowired
    MockMvcTester mvc;

    MvcTestResult postEvent(String token, String id) {
        return mvc.post()
                .uri("/api/v1/events")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.parseMediaType(EventController.SINGLE))
                .content(EventIntakeTest.bedOccupied("op-1", id, "f-1", 1))
                .exchange();
    }

    @Test
    void answersIntakeOverTheTokensRateWith429RetryAfterAndTheLimitNamed() {
        assertThat(postEvent("demo-operator-1", "r-1")).hasStatus(202);
        assertThat(postEvent("demo-operator-1", "r-2")).hasStatus(202);

        MvcTestResult refused = postEvent("demo-operator-1", "r-3");

        assertThat(refused).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused).headers().hasValue("Retry-After", "1000");
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("rate limit: at most 0.001 requests per second per token (intake)");
        assertThat(refused).bodyJson().extractingPath("$.limit").isEqualTo("intake.requests-per-second");
        assertThat(postEvent("demo-operator-2", "r-4"))
                .as("another token's allowance")
                .hasStatus(202);
    }

    @Test
    void answersAnUnknownTokenWith401BeforeAnyLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(postEvent("not-a-token", "u-" + i)).hasStatus(401);
        }
    }

    @Test
    void answersASecondCsvImportWithinTheRateWith429() {
        String csv = "id,source,type,time,facilityId,count\n";
        MvcTestResult first = importCsv(csv);
        MvcTestResult second = importCsv(csv);

        assertThat(first).hasStatus(202);
        assertThat(second).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(second)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("rate limit: at most 0.001 requests per second per token (import)");
    }

    @Test
    void answersAMatchBodyOverSixteenKibibytesWith413Problem() {
        String body = "{\"name\":\"" + "张".repeat(6_000) + "\"}";

        MvcTestResult refused = mvc.post()
                .uri("/api/v1/recipients/match")
                .header("Authorization", "Bearer demo-hotline")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();

        assertThat(refused).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("body: must be at most 16384 bytes (match)");
    }

    private MvcTestResult importCsv(String csv) {
        return mvc.post()
                .uri("/api/v1/imports")
                .header("Authorization", "Bearer demo-planner")
                .contentType(MediaType.parseMediaType("text/csv"))
                .content(csv)
                .exchange();
    }
}
