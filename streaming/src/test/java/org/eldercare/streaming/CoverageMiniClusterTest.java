package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.eldercare.streaming.fixtures.Events.OTHER_STREET;
import static org.eldercare.streaming.fixtures.Events.STREET;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.document.IndicatorDocument.GroupCoverage;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.RegisterCityDay;
import org.eldercare.streaming.indicator.ScopeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole job at parallelism 2 on a city day of the register ({@link RegisterCityDay}): the coverage of every street
 * and district equals {@link ExpectedCoverage}, an independent fold over the same events (docs/CONTRACT.md §7.5).
 */
class CoverageMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private final OffsetDateTime start =
            OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
    private final LocalDate today =
            start.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDate();

    @Test
    void countsTheEntitledAndServedOfEveryScopeAsAPlainFoldOverTheRegisterAndServices() throws Exception {
        List<CareEvent> events = RegisterCityDay.events(start, today);

        CollectingSink<IndicatorDocument> indicators = new CollectingSink<>("coverage-indicators");
        CollectingSink<Rejection> deadLetters = new CollectingSink<>("coverage-dead-letters");
        JobSinks sinks = CollectingJobSinks.named("coverage")
                .indicators(indicators)
                .deadLetters(deadLetters)
                .persons(new CollectingSink<PersonDocument>("coverage-persons"))
                .build();
        StreamingConfig config = StreamingConfig.defaults()
                .with("pii.allow-demo-key", "true")
                .withCoalesceInterval(Duration.ZERO)
                .withSilenceThreshold(Duration.ofHours(1));

        Configuration noKryo = new Configuration();
        noKryo.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo);
        env.setParallelism(2);
        var source = env.fromData(
                        events.stream().map(CloudEventJson::write).toList(),
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1);
        IndicatorJob.build(env, source, sinks, config);
        env.execute("coverage test");

        assumeThat(LocalDate.now(ZoneId.of("Asia/Shanghai")))
                .as("the run did not cross midnight")
                .isEqualTo(today);
        ExpectedCoverage expected = new ExpectedCoverage(events);
        assertThat(deadLetters.collected())
                .extracting(r -> r.reasons().getFirst())
                .containsExactlyElementsOf(expected.rejections);

        Map<String, IndicatorDocument> latest = new LinkedHashMap<>();
        indicators.collected().forEach(d -> latest.put(d.code(), d));
        List<String> scopes = ScopeInfo.allCodes(Regions.load());
        assertThat(latest.keySet()).containsAll(scopes);
        for (String code : scopes) {
            assertThat(latest.get(code).coverage())
                    .as("coverage of %s", code)
                    .usingRecursiveComparison()
                    .isEqualTo(expected.of(code, today));
        }

        // Anchors, so the two readings cannot agree on nothing.
        Coverage dayu = latest.get(STREET).coverage();
        assertThat(dayu.registered())
                .as("p-1, p-2, p-3, p-6, p-9 (p-5 counts in 城子 by her later entry; p-7 moved there)")
                .isEqualTo(5);
        assertThat(group(dayu, "AGE_80_PLUS"))
                .as("p-1 85, p-2 80 today, p-3 86 (served 30 days ago: out), p-6 91 (no ID number)")
                .isEqualTo(new GroupCoverage("AGE_80_PLUS", 4, 2, 0.5));
        assertThat(group(dayu, "SPECIAL_HARDSHIP")).isEqualTo(new GroupCoverage("SPECIAL_HARDSHIP", 0, 0, null));
        Coverage chengzi = latest.get(OTHER_STREET).coverage();
        assertThat(chengzi.registered()).as("p-4, p-5 once, p-7").isEqualTo(3);
        assertThat(chengzi.assessmentsOverdue()).as("p-4").isEqualTo(1);
        assertThat(group(chengzi, "SPECIAL_HARDSHIP").entitled())
                .as("p-4's 特困 ended yesterday")
                .isZero();
        assertThat(latest.get(RegisterCityDay.DAXING_STREET).coverage().served())
                .as("p-8, served through a record without an ID number")
                .isEqualTo(1);
        assertThat(latest.get("110109").coverage().registered()).isEqualTo(8);
    }

    private static GroupCoverage group(Coverage coverage, String group) {
        return coverage.groups().stream()
                .filter(g -> g.group().equals(group))
                .findFirst()
                .orElseThrow();
    }
}
