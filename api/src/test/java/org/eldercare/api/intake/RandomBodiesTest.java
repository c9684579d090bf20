package org.eldercare.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Property-style: random and mangled bodies at the intake never get a 5xx, and every event the
 * answers call accepted reached the event log — no more, no fewer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IntakeFakes.class)
class RandomBodiesTest {

    static final long SEED = 20261123L;
    static final int BODIES = 400;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingEventLog log;

    @Test
    void answersOnly202Or4xxAndLosesNoAcceptedEvent() throws Exception {
        Random random = new Random(SEED);
        int acceptedTotal = 0;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < BODIES; i++) {
            String body = randomBody(random, i);
            String type = random.nextInt(10) == 0 ? "application/json" : EventController.BATCH;
            var result = mvc.post()
                    .uri("/api/v1/events")
                    .header("Authorization", "Bearer demo-operator-1")
                    .contentType(MediaType.parseMediaType(type))
                    .content(body)
                    .exchange();
            int status = result.getResponse().getStatus();
            statuses.add(status);
            assertThat(status).as("status for body %d: %s", i, body).isIn(202, 400, 413, 415);
            if (status == 202) {
                acceptedTotal += new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(result.getResponse().getContentAsByteArray())
                        .path("accepted")
                        .asInt();
            }
        }
        assertThat(log.appended).hasSize(acceptedTotal);
        assertThat(statuses).contains(202, 400);
        assertThat(acceptedTotal).isPositive();
    }

    /** A mix of valid events, events with a field broken, truncated JSON and plain noise. */
    static String randomBody(Random random, int n) {
        List<String> events = new ArrayList<>();
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            String event = """
                    {"specversion":"1.0","id":"rb-%d-%d","source":"/operators/op-1","type":"bed.occupied",
                     "time":"2026-11-23T11:59:00+08:00","data":{"facilityId":"f-%d","count":%d}}""".formatted(n, i, random.nextInt(5), 1 + random.nextInt(3));
            events.add(mangle(event, random));
        }
        String body = "[" + String.join(",", events) + "]";
        return switch (random.nextInt(8)) {
            case 0 -> body.substring(0, random.nextInt(body.length()));
            case 1 -> randomText(random);
            case 2 -> events.getFirst();
            default -> body;
        };
    }

    private static String mangle(String event, Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> event.replace("\"count\":", "\"count\":\"x");
            case 1 -> event.replace("1.0", "0.9");
            case 2 -> event.replace("bed.occupied", "bed.exploded");
            case 3 -> event.replace("2026-11-23T11:59:00+08:00", "yesterday");
            case 4 -> event.replace("\"data\":", "\"notdata\":");
            case 5 -> event.replace("f-", "f 𠀀-");
            default -> event;
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextInt(3) == 0 ? 0x4E00 + random.nextInt(500) : 32 + random.nextInt(95));
        }
        return text.toString();
    }
}
