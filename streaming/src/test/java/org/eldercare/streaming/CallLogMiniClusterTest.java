package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.event.CallLogged;
import org.eldercare.ingest.event.CallReason;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.search.document.CallDocument;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hotline's call log in the job (docs/CONTRACT.md §10.2): each accepted {@code call.logged} is one document of the
 * {@code calls} index under its {@code callId}, with the street's district and the desk; a resend is counted once.
 */
class CallLogMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    @Test
    void eachLoggedCallIsOneDocumentOfTheCallLogAndAResendIsTheSameCall() throws Exception {
        OffsetDateTime now =
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
        CareEvent emergency = call(
                "evt-1",
                "/hotline/desk-3",
                now,
                new CallLogged("call-1", now.minusMinutes(4), 240, "110109001", CallReason.EMERGENCY, "r-17"));
        CareEvent inquiry = call(
                "evt-2",
                "/hotline/desk-1",
                now,
                new CallLogged("call-2", now.minusMinutes(1), 60, "110109002", CallReason.INQUIRY, null));

        CollectingSink<CallDocument> calls = new CollectingSink<>("call-log");
        JobSinks sinks = CollectingJobSinks.named("call").calls(calls).build();
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(1);
        var source = env.fromData(
                List.of(
                        CloudEventJson.write(emergency),
                        CloudEventJson.write(inquiry),
                        CloudEventJson.write(emergency)),
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        IndicatorJob.build(
                env,
                source,
                sinks,
                StreamingConfig.defaults()
                        .with("pii.allow-demo-key", "true")
                        .withCoalesceInterval(Duration.ZERO)
                        .withSilenceThreshold(Duration.ofHours(1)));
        env.execute("call log test");

        assertThat(calls.collected()).extracting(CallDocument::callId).containsExactly("call-1", "call-2");
        CallDocument first = calls.collected().getFirst();
        assertThat(first.districtCode()).isEqualTo("110109");
        assertThat(first.streetCode()).isEqualTo("110109001");
        assertThat(first.reason()).isEqualTo("EMERGENCY");
        assertThat(first.recipientId()).isEqualTo("r-17");
        assertThat(first.desk()).isEqualTo("desk-3");
        assertThat(first.durationSeconds()).isEqualTo(240);
        assertThat(first.receivedAt().toInstant()).isEqualTo(now.minusMinutes(4).toInstant());
        assertThat(first.receivedAt().getOffset()).hasToString("+08:00");
        assertThat(first.loggedAt().toInstant()).isEqualTo(now.toInstant());
        assertThat(calls.collected().get(1).recipientId()).isNull();
    }

    private static CareEvent call(String id, String source, OffsetDateTime time, CallLogged data) {
        return new CareEvent(id, source, EventType.CALL_LOGGED, time, data);
    }
}
