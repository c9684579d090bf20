package org.eldercare.api.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.api.recipient.RecipientFakes.HER_BIRTH;
import static org.eldercare.api.recipient.RecipientFakes.HER_ID;
import static org.eldercare.api.recipient.RecipientFakes.HER_PHONE;
import static org.eldercare.api.recipient.RecipientFakes.HIS_BIRTH;
import static org.eldercare.api.recipient.RecipientFakes.HIS_ID;
import static org.eldercare.api.recipient.RecipientFakes.HIS_PHONE;
import static org.eldercare.api.recipient.RecipientFakes.SECRETS;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eldercare.api.recipient.RecipientFakes.IndexedRecipients;
import org.eldercare.api.recipient.RecipientFakes.RecordingAuditLog;
import org.eldercare.api.recipient.RecipientFakes.Secret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * docs/CONTRACT.md §6.2: from everything a role can read of recipients nobody can rebuild more than the region
 * code and last 4 characters of an ID number, or 3 + 4 digits of a phone. The documents are the streaming job's
 * own (see {@link RecipientFakes}); every response of every recipient endpoint, the audit included, is walked
 * value by value.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(RecipientFakes.class)
class RecipientDisclosureTest {

    /** A date in any usual spelling: 1940-02-16, 1940/02/16, 19400216. */
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/]?(\\d{2})[-/]?(\\d{2})");

    private final ObjectMapper json = new ObjectMapper();

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

    @ParameterizedTest
    @ValueSource(strings = {"demo-hotline", "demo-planner", "demo-admin"})
    void noRecipientResponseRevealsMoreThanTheRegionAndLastFourOfAnIdOrThreePlusFourOfAPhone(String token)
            throws Exception {
        List<String> bodies = everyRecipientResponse(token);

        List<String> values = new ArrayList<>();
        for (String body : bodies) {
            walk(json.readTree(body), values);
        }
        for (Secret secret : SECRETS) {
            for (String value : values) {
                assertRevealsNoMoreThanTheMasks(value, secret);
            }
        }
        // Not vacuous: the people were found and shown, masked and with their birth year.
        assertThat(String.join("\n", bodies))
                .contains("110109********" + HIS_ID.substring(14), "135****7777", "\"birthYear\":1940")
                .contains("110115********" + HER_ID.substring(14), "139****5555", "\"birthYear\":1948");
    }

    private List<String> everyRecipientResponse(String token) {
        List<String> bodies = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        List<String> questions = List.of(
                "{\"name\":\"张建国\",\"idNumber\":\"" + HIS_ID + "\"}",
                "{\"name\":\"张建国\",\"phone\":\"" + HIS_PHONE + "\"}",
                "{\"name\":\"张建国\",\"birthDate\":\"" + HIS_BIRTH + "\",\"gender\":\"M\"}",
                "{\"name\":\"刘桂兰\",\"idNumber\":\"" + HER_ID + "\",\"phone\":\"" + HER_PHONE + "\",\"birthDate\":\""
                        + HER_BIRTH + "\"}",
                "{\"name\":\"刘桂兰\",\"address\":\"大兴区清源街道兴华大街1号\"}",
                "{\"name\":\" \",\"idNumber\":\"" + HER_ID + "\"}");
        for (String question : questions) {
            String body = text(match(token, question));
            bodies.add(body);
            try {
                json.readTree(body)
                        .path("candidates")
                        .forEach(c -> found.add(c.path("recipientId").asText()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        found.addAll(indexed.persons.keySet());
        for (String id : found) {
            bodies.add(text(get(token, "/api/v1/recipients/" + id)));
            bodies.add(text(get(token, "/api/v1/recipients/" + id + "/services")));
        }
        bodies.add(text(get(token, "/api/v1/recipients/rcp-unknown")));
        for (int i = 0; i < RecipientFakes.RECORDS.size(); i++) {
            bodies.add(text(get(token, "/api/v1/services/r-" + i + "?operatorId=op-1")));
        }
        if (token.equals("demo-admin")) {
            bodies.add(text(get(token, "/api/v1/audit")));
        }
        return bodies;
    }

    /**
     * Fails if {@code value} holds a whole ID number or phone, the ID's birth-date digits, or the birth date in
     * any spelling: beside the mask {@code 110109********8664} the date gives the whole number.
     */
    private static void assertRevealsNoMoreThanTheMasks(String value, Secret s) {
        LocalDate birth = s.birthDate();
        assertThat(value)
                .as("a response value")
                .doesNotContain(
                        s.idNumber(),
                        s.idNumber().substring(6, 14),
                        s.phone(),
                        s.phone().substring(3, 7))
                .doesNotContain("%02d-%02d".formatted(birth.getMonthValue(), birth.getDayOfMonth()));
        Matcher dates = DATE.matcher(value);
        while (dates.find()) {
            assertThat(dates.group(1) + "-" + dates.group(2) + "-" + dates.group(3))
                    .as("a date in response value " + value)
                    .isNotEqualTo(birth.toString());
        }
    }

    /** Every field name and value, depth first, numbers as their text. */
    private static void walk(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                out.add(e.getKey());
                walk(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, out));
        } else if (!node.isNull()) {
            out.add(node.asText());
        }
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

    private static String text(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AssertionError(e);
        }
    }
}
