package org.eldercare.ingest.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DeadLetterPayloadTest {

    static final String ID = "110109194002168664";
    static final String PHONE = "13987654321";

    static String serviceDelivered(String name) {
        return """
                {"specversion":"1.0","id":"e-1","source":"/operators/op-1","type":"service.delivered",\
                "time":"2026-11-23T10:00:00+08:00","data":{"recordId":"r-1","facilityId":"f-1",\
                "serviceType":"MEAL","startedAt":"2026-11-23T09:00:00+08:00","durationMinutes":0,\
                "recipient":{"name":"%s","idNumber":"%s","phone":"%s","birthDate":"1940-02-16",\
                "address":"门头沟区大峪街道1号"}}}""".formatted(name, ID, PHONE);
    }

    @Test
    void keepsTheEventButRedactsEveryRecipientField() {
        String kept = DeadLetterPayload.of(serviceDelivered("王秀英"));

        assertThat(kept)
                .contains("\"durationMinutes\":0", "\"facilityId\":\"f-1\"", "\"type\":\"service.delivered\"")
                .doesNotContain("王秀英", ID, PHONE, "1940-02-16", "大峪街道1号")
                .contains("\"idNumber\":\"[redacted]\"");
    }

    @Test
    void keepsOnlyTheLastFourDigitsOfAnyLongNumberAnywhere() {
        String kept = DeadLetterPayload.of("{\"id\":\"call " + ID + " or " + PHONE + "\",\"data\":{}}");

        assertThat(kept).contains("call ***8664 or ***4321").doesNotContain(ID).doesNotContain(PHONE);
    }

    @Test
    void cutsARecordAtTheKafkaLimitToAFewKilobytesAndSaysHowLongItWas() {
        String huge = serviceDelivered("王秀英").replace("\"f-1\"", "\"" + "f".repeat(1_040_000) + "\"");

        String kept = DeadLetterPayload.of(huge);

        assertThat(kept.length()).isLessThanOrEqualTo(DeadLetterPayload.MAX_CHARS + 64);
        assertThat(kept).endsWith("…[cut: record was " + huge.length() + " characters]");
    }

    @Test
    void aHugeRecipientShrinksToItsRedactedFieldNames() {
        String kept = DeadLetterPayload.of(serviceDelivered("名".repeat(400_000)));

        assertThat(kept.length()).isLessThan(600);
        assertThat(kept).doesNotContain("名").doesNotContain("[cut:");
    }

    @Test
    void cutsRandomBytesToTheRawBoundWithTheirDigitsMasked() {
        byte[] noise = new byte[1_048_300];
        new Random(7).nextBytes(noise);
        System.arraycopy(ID.getBytes(StandardCharsets.US_ASCII), 0, noise, 10, ID.length());

        String kept = DeadLetterPayload.of(noise);

        assertThat(kept.length()).isLessThanOrEqualTo(DeadLetterPayload.MAX_RAW_CHARS + 64);
        assertThat(kept).doesNotContain(ID).contains("***8664");
    }

    @Test
    void neverParsesARecordLargerThanTheParseBound() {
        String sixMebibytes = "{\"data\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}";

        String kept = DeadLetterPayload.of(sixMebibytes);

        assertThat(kept.length()).isLessThanOrEqualTo(DeadLetterPayload.MAX_RAW_CHARS + 64);
        assertThat(DeadLetterPayload.of(sixMebibytes.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(kept);
    }

    @Test
    void leavesASmallCleanRecordAsItIs() {
        String event = "{\"id\":\"e-2\",\"data\":{\"facilityId\":\"f-1\",\"count\":501}}";

        assertThat(DeadLetterPayload.of(event)).isEqualTo(event);
        assertThat(DeadLetterPayload.of((String) null)).isNull();
    }
}
