package org.eldercare.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The hotline records its calls and orders through the intake (docs/CONTRACT.md §10.2), and only it may. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IntakeFakes.class)
class HotlineIntakeTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingEventLog log;

    @BeforeEach
    void clear() {
        log.appended.clear();
        log.rejected.clear();
    }

    static String opened(String source, String id) {
        return """
                {"specversion":"1.0","id":"%s","source":"%s","type":"workorder.opened",
                 "time":"2026-11-23T11:59:00+08:00","data":{"workOrderId":"wo-1","requestType":"BATHING",
                 "districtCode":"110109","streetCode":"110109001","location":{"lat":39.937,"lon":116.105},
                 "recipientId":"rcp-1"}}""".formatted(id, source);
    }

    MvcTestResult post(String token, String body) {
        return mvc.post()
                .uri("/api/v1/events")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.parseMediaType(EventController.SINGLE))
                .content(body)
                .exchange();
    }

    @Test
    void acceptsAnOrderFromTheHotlineKeyedByTheOrder() {
        MvcTestResult result = post("demo-hotline", opened("/hotline/12349-1", "h-1"));

        assertThat(result).hasStatus(202);
        assertThat(result).bodyJson().extractingPath("$.accepted").isEqualTo(1);
        assertThat(log.appended)
                .singleElement()
                .satisfies(e -> assertThat(e.partitionKey()).isEqualTo("workorder/wo-1"));
    }

    @Test
    void rejectsAnOrderFromAnyoneButTheHotline() {
        MvcTestResult result = post("demo-planner", opened("/hotline/12349-1", "h-2"));

        assertThat(result).hasStatus(202);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.rejected[0].errors[0]")
                .isEqualTo("type: only the hotline may send workorder.opened");
        assertThat(log.appended).isEmpty();
    }
}
