package org.eldercare.infra.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eldercare.api.EldercareApplication;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.streaming.ExpectedIndicators;
import org.eldercare.streaming.fixtures.CityDay;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The city-day scenario (duplicates, out-of-order state events, a non-owner, over-capacity, a
 * population update, closing and reopening) sent over HTTP as operators and a planner would, then
 * every indicator field of six scopes read back from the API and compared with the independent fold
 * of the counting rules.
 */
@SpringBootTest(classes = EldercareApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Tag("slow") // a platform of its own (its six scopes must see no other test's events): over a minute (README, "Tests")
class CityDayOverHttpIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Map<String, String> TOKENS = Map.of(
            "/operators/op-1",
            "demo-operator-1",
            "/operators/op-2",
            "demo-operator-2",
            "/planners/bureau",
            "demo-planner");

    @DynamicPropertySource
    static void embeddedStack(DynamicPropertyRegistry registry) throws Exception {
        EmbeddedPlatform.register(registry, "city-day-it");
    }

    @LocalServerPort
    int port;

    @Test
    void readsBackEveryIndicatorAsThePlainFoldOfTheEventsSent() {
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
        List<CareEvent> events = CityDay.events(start);
        PlatformClient client = new PlatformClient(port);

        for (CareEvent event : events) {
            var reply = client.postBatch(TOKENS.get(event.source()), "[" + CloudEventJson.writeString(event) + "]");
            assertThat(reply.status()).as("posting %s", event.id()).isEqualTo(202);
            assertThat(reply.body().path("rejected"))
                    .as("intake errors for %s", event.id())
                    .isEmpty();
        }
        client.awaitCaughtUp(Duration.ofSeconds(120));

        LocalDate today = LocalDate.now(SHANGHAI);
        Assumptions.assumeTrue(start.toLocalDate().equals(today), "the run crossed midnight in Shanghai");
        ExpectedIndicators expected = new ExpectedIndicators(events);
        for (String code : List.of(Events.STREET, Events.OTHER_STREET, "110109", "110115", "110101", "110115001")) {
            String path = (code.length() == 6 ? "/api/v1/indicators/districts/" : "/api/v1/indicators/streets/") + code;
            JsonNode want = json(expected.of(code, today));
            client.awaitOrFail(
                    code + " equal to the fold " + want,
                    Duration.ofSeconds(30),
                    () -> client.get("demo-planner", path),
                    r -> r.status() == 200 && sameIndicators(r.body(), want, ""));
        }
    }

    private static JsonNode json(IndicatorDocument doc) {
        ObjectMapper mapper = Elasticsearch.objectMapper();
        return mapper.valueToTree(doc);
    }

    /** Every field of the expectation, numbers within 1e-9, {@code asOf} aside. */
    static boolean sameIndicators(JsonNode actual, JsonNode expected, String at) {
        if (expected.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("asOf")) {
                    continue;
                }
                JsonNode value = actual.get(field.getKey());
                if (field.getValue().isNull() ? value != null && !value.isNull() : value == null) {
                    return false;
                }
                if (value != null && !sameIndicators(value, field.getValue(), at + "." + field.getKey())) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!sameIndicators(actual.get(i), expected.get(i), at + "[" + i + "]")) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isNumber()) {
            return actual.isNumber() && Math.abs(actual.asDouble() - expected.asDouble()) < 1e-9;
        }
        return expected.equals(actual);
    }
}
