package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.event.FacilityKind.CARE_STATION;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.kafka.RawEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/CONTRACT.md §6.6 in the job: a record read from op-2's own topic that claims to be op-1's is rejected before
 * dedup, so op-1's real event with the same id still counts. (The same against a real SCRAM broker with ACLs:
 * {@code AuthenticatedKafkaIT} in infra/integration-tests.)
 */
class OperatorTopicTrustTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    @Test
    void aRecordOnAnotherOperatorsTopicIsRejectedAndItsIdStaysFreeForTheRealEvent() throws Exception {
        OffsetDateTime now =
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS);
        CareEvent registered = Events.at(now, Events.registered("f-1", CARE_STATION, 10));
        CareEvent forged =
                new CareEvent("bed-1", "/operators/op-1", EventType.BED_OCCUPIED, now, new BedsChanged("f-1", 5));
        CareEvent real =
                new CareEvent("bed-1", "/operators/op-1", EventType.BED_OCCUPIED, now, new BedsChanged("f-1", 2));
        List<RawEvent> records = List.of(
                new RawEvent("op-1", CloudEventJson.write(registered)),
                new RawEvent("op-2", CloudEventJson.write(forged)),
                new RawEvent("op-1", CloudEventJson.write(real)));

        CollectingSink<FacilityDocument> facilities = new CollectingSink<>("trust-facilities");
        CollectingSink<Rejection> deadLetters = new CollectingSink<>("trust-dead-letters");
        CollectingSink<Rejection> rejectionDocuments = new CollectingSink<>("trust-rejections");
        JobSinks sinks = CollectingJobSinks.named("trust")
                .facilities(facilities)
                .deadLetters(deadLetters)
                .rejectionDocuments(rejectionDocuments)
                .build();
        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(1);
        IndicatorJob.buildOnTopics(
                env,
                env.fromData(records, RawEvent.TYPE),
                sinks,
                StreamingConfig.defaults().with("pii.allow-demo-key", "true").withCoalesceInterval(Duration.ZERO));
        env.execute("operator topic trust");

        assertThat(facilities.collected().getLast().occupiedBeds())
                .as("op-1's own bed-1 (2 beds) counted; op-2's forged bed-1 (5) neither applied nor a duplicate")
                .isEqualTo(2);
        assertThat(deadLetters.collected()).singleElement().satisfies(r -> {
            assertThat(r.operatorId()).as("filed under the topic's operator").isEqualTo("op-2");
            assertThat(r.source()).isEqualTo("/operators/op-1");
            assertThat(r.eventId()).isEqualTo("bed-1");
            assertThat(r.reasons())
                    .containsExactly("source: must be /operators/op-2 on topic eldercare.events.op.op-2.v1"
                            + " (docs/CONTRACT.md §6.6)");
        });
        assertThat(rejectionDocuments.collected()).hasSize(1);
    }
}
