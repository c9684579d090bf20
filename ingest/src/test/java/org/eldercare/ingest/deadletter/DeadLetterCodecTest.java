package org.eldercare.ingest.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.eldercare.ingest.topic.TopicRegistry;
import org.eldercare.ingest.validation.ReadResult;
import org.junit.jupiter.api.Test;

class DeadLetterCodecTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-22T12:00:00.123+08:00");

    @Test
    void readsBackWhatItWrote() {
        Rejection overCapacity = new Rejection(
                "e-7",
                "/operators/op-1",
                "op-1",
                "bed.occupied",
                List.of("data.count: would exceed the facility's 40 beds"),
                Rejection.STREAM,
                AT,
                "{\"id\":\"e-7\"}");

        Rejection back = DeadLetterCodec.read(DeadLetterCodec.write(overCapacity));

        assertThat(back).isEqualTo(overCapacity);
        assertThat(back.rejectedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    }

    @Test
    void omitsAbsentFieldsAndIgnoresUnknownOnes() {
        Rejection anonymous =
                new Rejection(null, null, null, null, List.of("$: must be a JSON object"), "INTAKE", AT, "[");
        String json = new String(DeadLetterCodec.write(anonymous), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("eventId").doesNotContain("null");
        String grown = json.replace("{", "{\"addedLater\":1,");
        assertThat(DeadLetterCodec.read(grown.getBytes(StandardCharsets.UTF_8))).isEqualTo(anonymous);
    }

    @Test
    void refusesBytesThatAreNoRejectionWithoutQuotingThem() {
        assertThatThrownBy(() -> DeadLetterCodec.read("{\"eventId\": 13800000000".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("13800000000");
    }

    @Test
    void keysAnIntakeRejectionByTheOperatorOfItsSource() {
        ReadResult.Invalid invalid = new ReadResult.Invalid(
                "e-5", "/operators/op-2", "bed.occupied", List.of("data.count: must be between 1 and 500"));

        Rejection rejection =
                Rejections.atIntake(invalid, "{}", Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC));

        assertThat(rejection.operatorId()).isEqualTo("op-2");
        assertThat(rejection.stage()).isEqualTo(Rejection.INTAKE);
        assertThat(TopicRegistry.DEAD_LETTERS.key(rejection)).isEqualTo("op-2");
    }
}
