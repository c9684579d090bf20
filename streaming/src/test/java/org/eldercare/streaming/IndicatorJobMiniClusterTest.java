package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.eldercare.streaming.fixtures.Events.OTHER_STREET;
import static org.eldercare.streaming.fixtures.Events.STREET;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.fixtures.CityDay;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.indicator.ScopeInfo;
import org.eldercare.streaming.recipient.RecipientEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job at parallelism 2 on a bounded city day: duplicates, out-of-order state events, a
 * non-owner, over-capacity and unknown-facility events, a caregiver re-hired elsewhere, a population
 * update, facilities closing and reopening, and a malformed record. Every indicator field is
 * compared with {@link ExpectedIndicators}, an independent fold over the same events.
 */
class IndicatorJobMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private final OffsetDateTime start =
            OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void computesTheSameIndicatorsAsAPlainFoldOverTheEvents() throws Exception {
        List<CareEvent> events = CityDay.events(start);
        List<byte[]> raw =
                new ArrayList<>(events.stream().map(CloudEventJson::write).toList());
        raw.add("{\"specversion\":\"1.0\",\"id\":\"bad-1\",\"source\":\"/operators/op-1\"}"
                .getBytes(StandardCharsets.UTF_8));

        CollectingSink<IndicatorDocument> indicators = new CollectingSink<>("indicators");
        CollectingSink<IndicatorDocument> history = new CollectingSink<>("history");
        CollectingSink<FacilityDocument> facilities = new CollectingSink<>("facilities");
        CollectingSink<AlertDocument> alerts = new CollectingSink<>("alerts");
        CollectingSink<Rejection> deadLetters = new CollectingSink<>("dead-letters");
        CollectingSink<ServiceRecordDocument> serviceRecords = new CollectingSink<>("service-records");
        CollectingSink<RecipientEntry> recipients = new CollectingSink<>("recipients");
        JobSinks sinks = JobSinks.builder()
                .indicators(indicators)
                .indicatorHistory(history)
                .facilities(facilities)
                .alerts(alerts)
                .deadLetters(deadLetters)
                .serviceRecords(serviceRecords)
                .recipients(recipients)
                .build();
        StreamingConfig config = StreamingConfig.defaults()
                .with("pii.allow-demo-key", "true")
                .withCoalesceInterval(Duration.ZERO)
                .withSilenceThreshold(Duration.ofHours(1));

        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(2);
        // One source subtask, like one Kafka partition: a facility's events arrive in the order sent.
        var source = env.fromData(raw, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1);
        IndicatorJob.build(env, source, sinks, config);
        env.execute("indicator job test");

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assumeThat(start.toLocalDate()).as("the run did not cross midnight").isEqualTo(today);
        ExpectedIndicators expected = new ExpectedIndicators(events);

        Map<String, IndicatorDocument> latest = latestBy(indicators.collected(), IndicatorDocument::code);
        assertThat(latest.keySet()).containsAll(ScopeInfo.allCodes(org.eldercare.ingest.region.Regions.load()));
        for (String code : List.of(STREET, OTHER_STREET, "110109", "110115", "110101", "110115001")) {
            assertSameIndicators(latest.get(code), expected.of(code, today));
        }
        IndicatorDocument street = latest.get(STREET);
        assertThat(street.beds()).as("f-1 at 12 beds; f-2 suspended").isEqualTo(12);
        assertThat(street.caregivers())
                .as("op-1's c-1 moved to f-2 (op-2's c-1 at f-3 is another person), c-2 left, c-3 at f-2")
                .isEqualTo(2);

        assertThat(deadLetters.collected())
                .extracting(r -> r.reasons().getFirst())
                .containsAll(expected.rejections)
                .anyMatch(reason -> reason.startsWith("type:"))
                .hasSize(expected.rejections.size() + 1);
        Map<String, ServiceRecordDocument> records = latestBy(
                serviceRecords.collected(), r -> ServiceRecordDocument.documentId(r.operatorId(), r.recordId()));
        assertThat(records).hasSize(expected.serviceRecords);
        Map<String, RecipientEntry> persons = latestBy(recipients.collected(), RecipientEntry::documentId);
        assertThat(records.values())
                .as("every record names a current person")
                .allSatisfy(r ->
                        assertThat(persons.get(r.recipientId()).isRedirect()).isFalse());

        Map<String, FacilityDocument> facilityDocs = latestBy(facilities.collected(), FacilityDocument::facilityId);
        assertThat(facilityDocs.get("f-1").beds()).isEqualTo(12);
        assertThat(facilityDocs.get("f-1").occupiedBeds()).isEqualTo(2);
        assertThat(facilityDocs.get("f-1").freeBeds()).isEqualTo(10);
        assertThat(facilityDocs.get("f-1").caregiversOnDuty()).isZero();
        assertThat(facilityDocs.get("f-2").status()).isEqualTo("SUSPENDED");
        assertThat(facilityDocs.get("f-3").status()).isEqualTo("CLOSED");
        assertThat(facilityDocs.get("f-3").caregivers()).isEqualTo(1);
        assertThat(facilityDocs.get("f-3").operatorId()).isEqualTo("op-2");

        Map<String, AlertDocument> alertById = latestBy(alerts.collected(), AlertDocument::id);
        assertThat(alertById.get("BINDING_TARGET_MISSED:110109").active()).isTrue();
        assertThat(alertById.get("HIGH_OCCUPANCY:f-2").active())
                .as("suspended facilities do not alert")
                .isFalse();
    }

    private static void assertSameIndicators(IndicatorDocument actual, IndicatorDocument expected) {
        assertThat(actual).as(expected.code()).isNotNull();
        assertThat(actual)
                .usingRecursiveComparison()
                .ignoringFields("asOf")
                .withComparatorForType((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .isEqualTo(expected);
        assertThat(actual.asOf()).isCloseTo(OffsetDateTime.now(), within(5, ChronoUnit.MINUTES));
    }

    private static <T> Map<String, T> latestBy(List<T> all, Function<T, String> id) {
        Map<String, T> latest = new LinkedHashMap<>();
        all.forEach(d -> latest.put(id.apply(d), d));
        return latest;
    }
}
