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
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.VisitCompleted;
import org.eldercare.ingest.event.VisitConfirmation;
import org.eldercare.search.document.VisitDocument;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Caregivers' home visits in the job (docs/CONTRACT.md §9.3): each accepted {@code visit.completed} of the facility's
 * owner is one document of the {@code visits} index under {@code operatorId:visitId}, with the facility's street and
 * no location; a resend is the same visit, and a visit from an operator who does not own the facility is none.
 */
class VisitLogMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    @Test
    void eachAcceptedVisitIsOneDocumentAndAResendOrAStrangersVisitAddsNone() throws Exception {
        OffsetDateTime now =
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        CareEvent station = Events.at(now.minusMinutes(5), Events.registered("f-dayu", FacilityKind.CARE_STATION, 0));
        CareEvent atTheDoor = visit(
                "vis-1",
                "op-1",
                now,
                new VisitCompleted(
                        "v-100",
                        "f-dayu",
                        "cg-7",
                        "p-dayu-0042",
                        now.minusMinutes(40),
                        35,
                        new GeoPoint(39.9361, 116.1042),
                        VisitConfirmation.PHONE_LOCATION));
        CareEvent stranger = visit(
                "vis-2",
                "op-2",
                now,
                new VisitCompleted(
                        "v-200",
                        "f-dayu",
                        "cg-9",
                        "p-dayu-0042",
                        now.minusMinutes(20),
                        20,
                        null,
                        VisitConfirmation.CARD_SWIPE));

        CollectingSink<VisitDocument> visits = new CollectingSink<>("visit-log");
        CollectingSink<Rejection> deadLetters = new CollectingSink<>("visit-dead-letters");
        JobSinks sinks = CollectingJobSinks.named("visit")
                .deadLetters(deadLetters)
                .visits(visits)
                .build();
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(1);
        var source = env.fromData(
                List.of(
                        CloudEventJson.write(station),
                        CloudEventJson.write(atTheDoor),
                        CloudEventJson.write(stranger),
                        CloudEventJson.write(atTheDoor)),
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        IndicatorJob.build(
                env,
                source,
                sinks,
                StreamingConfig.defaults()
                        .with("pii.allow-demo-key", "true")
                        .withCoalesceInterval(Duration.ZERO)
                        .withSilenceThreshold(Duration.ofHours(1)));
        env.execute("visit log test");

        assertThat(visits.collected()).extracting(VisitDocument::id).containsExactly("op-1:v-100");
        VisitDocument visit = visits.collected().getFirst();
        assertThat(visit.visitId()).isEqualTo("v-100");
        assertThat(visit.operatorId()).isEqualTo("op-1");
        assertThat(visit.facilityId()).isEqualTo("f-dayu");
        assertThat(visit.facilityName()).isEqualTo("CARE_STATION f-dayu");
        assertThat(visit.districtCode()).isEqualTo(Events.DISTRICT);
        assertThat(visit.streetCode()).isEqualTo(Events.STREET);
        assertThat(visit.caregiverId()).isEqualTo("cg-7");
        assertThat(visit.personId()).isEqualTo("p-dayu-0042");
        assertThat(visit.durationMinutes()).isEqualTo(35);
        assertThat(visit.confirmation()).isEqualTo("PHONE_LOCATION");
        assertThat(visit.visitedAt().toInstant()).isEqualTo(now.minusMinutes(40).toInstant());
        assertThat(visit.visitedAt().getOffset()).hasToString("+08:00");
        assertThat(visit.recordedAt().toInstant()).isEqualTo(now.toInstant());
        assertThat(visit.toString()).as("no location of the door").doesNotContain("39.93", "116.10");
        assertThat(deadLetters.collected())
                .flatExtracting(Rejection::reasons)
                .contains("source: operator op-2 does not own facility f-dayu");
    }

    private static CareEvent visit(String id, String operator, OffsetDateTime time, VisitCompleted data) {
        return new CareEvent(id, "/operators/" + operator, EventType.VISIT_COMPLETED, time, data);
    }
}
