package org.eldercare.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.SealedRecipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.search.normalize.RecipientTokeniser;
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

/** docs/CONTRACT.md §6.7: what the intake writes holds no raw ID number, phone or name. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(IntakeFakes.class)
class SealedIntakeTest {

    static final String ID = "110109194103021231";
    static final String PHONE = "13812345678";
    static final String NAME = "刘桂兰";
    static final java.time.format.DateTimeFormatter RFC3339 =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RecordingEventLog log;

    @Autowired
    RecipientTokeniser tokeniser;

    @BeforeEach
    void reset() {
        log.appended.clear();
        log.rejected.clear();
        log.brokerDown = false;
    }

    static String service(String operator, String id, String recipient) {
        OffsetDateTime at = OffsetDateTime.ofInstant(IntakeFakes.NOW, ZoneOffset.ofHours(8));
        return """
                {"specversion":"1.0","id":"%s","source":"/operators/%s","type":"service.delivered",
                 "time":"%s","data":{"recordId":"r-%s","facilityId":"f-1","serviceType":"BATHING",
                 "startedAt":"%s","durationMinutes":45,"recipient":%s}}""".formatted(
                id, operator, RFC3339.format(at.minusMinutes(5)), id, RFC3339.format(at.minusMinutes(60)), recipient);
    }

    static String raw() {
        return """
                {"name":"%s","idNumber":"%s","phone":"%s","birthDate":"1941-03-02","address":"大峪街道"}""".formatted(NAME, ID, PHONE);
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
    void writesTheSealedRecipientAndNothingRaw() {
        assertThat(post("demo-operator-1", service("op-1", "s-1", raw())))
                .hasStatus(202)
                .bodyJson()
                .extractingPath("$.accepted")
                .isEqualTo(1);

        var written = log.appended.getFirst();
        String topicRecord = CloudEventJson.writeString(written);
        assertThat(topicRecord).doesNotContain(ID, PHONE, NAME, "1941-03-02", "大峪");
        SealedRecipient sealed =
                (SealedRecipient) written.dataAs(ServiceDelivered.class).recipient();
        assertThat(sealed.idMasked()).isEqualTo("110109********1231");
        assertThat(sealed.phoneMasked()).isEqualTo("138****5678");
        assertThat(sealed.idDigest()).isEqualTo(tokeniser.pii().hashIdNumber(ID));
        // The platform can open what it sealed, in memory.
        Recipient opened = tokeniser.open(sealed);
        assertThat(opened.idNumber()).isEqualTo(ID);
        assertThat(opened.phone()).isEqualTo(PHONE);
    }

    @Test
    void sealsARegisteredPersonsIdentityBeforeItIsWritten() {
        OffsetDateTime at = OffsetDateTime.ofInstant(IntakeFakes.NOW, ZoneOffset.ofHours(8));
        String person = """
                {"specversion":"1.0","id":"p-1","source":"/civil-affairs/110109001","type":"person.registered",
                 "time":"%s","data":{"personId":"p-1","identity":{"name":"%s","idNumber":"%s","phone":"%s"},
                 "address":"门头沟区大峪街道1号","districtCode":"110109","streetCode":"110109001",
                 "livingArrangement":"ALONE"}}""".formatted(RFC3339.format(at.minusMinutes(5)), NAME, ID, PHONE);

        assertThat(post("demo-civil-affairs", person))
                .hasStatus(202)
                .bodyJson()
                .extractingPath("$.accepted")
                .isEqualTo(1);

        var written = log.appended.getFirst();
        assertThat(CloudEventJson.writeString(written)).doesNotContain(ID, PHONE, NAME);
        SealedRecipient sealed =
                (SealedRecipient) written.dataAs(PersonDetails.class).identity();
        assertThat(sealed.idDigest()).isEqualTo(tokeniser.pii().hashIdNumber(ID));
        assertThat(tokeniser.open(sealed).idNumber()).isEqualTo(ID);
    }

    @Test
    void aRejectedServiceKeepsNoRawIdentifierInItsDeadLetter() {
        // op-2's token claiming op-1's source: rejected at intake, a dead letter of the event.
        assertThat(post("demo-operator-2", service("op-1", "s-2", raw()))).hasStatus(202);

        assertThat(log.rejected)
                .singleElement()
                .satisfies(r -> assertThat(r.payload()).isNotBlank().doesNotContain(ID, PHONE, NAME));
    }

    @Test
    void refusesTheSealedFormFromAClient() throws Exception {
        String sealed = CloudEventJson.mapper()
                .writeValueAsString(tokeniser.seal(new Recipient(NAME, ID, PHONE, null, null, null, null)));

        var result = post("demo-operator-1", service("op-1", "s-3", sealed));

        assertThat(result)
                .hasStatus(202)
                .bodyJson()
                .extractingPath("$.accepted")
                .isEqualTo(0);
        assertThat(result).bodyJson().extractingPath("$.rejected[0].errors[0]").isEqualTo(Intake.SEALED_BY_CLIENT);
        assertThat(log.appended).isEmpty();
    }
}
