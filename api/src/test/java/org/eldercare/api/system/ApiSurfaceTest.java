package org.eldercare.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The public surface that needs no services behind it: reference data, the API description, roles. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ApiSurfaceTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void servesAllSixteenDistrictsWithTheStreetsOfThePlannedOnes() {
        var result = mvc.get()
                .uri("/api/v1/regions")
                .header("Authorization", "Bearer demo-operator-1")
                .exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.length()").isEqualTo(16);
        assertThat(result)
                .bodyJson()
                .extractingPath("$[?(@.code=='110109')].streets.length()")
                .asArray()
                .containsExactly(13);
        assertThat(result)
                .bodyJson()
                .extractingPath("$[?(@.code=='110115')].elderly60")
                .asArray()
                .containsExactly(299208);
    }

    @Test
    void refusesReferenceDataWithoutAToken() {
        assertThat(mvc.get().uri("/api/v1/regions").exchange())
                .hasStatus(401)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void keepsRecipientsFromOperators() {
        assertThat(mvc.post()
                        .uri("/api/v1/recipients/match")
                        .header("Authorization", "Bearer demo-operator-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"张伟\"}")
                        .exchange())
                .hasStatus(403);
    }

    @Test
    void describesTheApiInAnOpenApiDocument() {
        var result = mvc.get().uri("/v3/api-docs").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText().contains("/api/v1/events", "/api/v1/regions", "/api/v1/indicators/districts");
    }
}
