package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.streaming.fixtures.CityDay;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.fixtures.RegisterCityDay;
import org.eldercare.streaming.indicator.ScopeInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade with rescaling, as an operator does it (README, "Upgrading the job"): the job runs the first half of a
 * city day at parallelism 2 and is stopped with a savepoint; a changed job (one stage more, every stateful operator
 * keeping its uid) starts from that savepoint at parallelism 1, 2 and 4 and reads the second half. Each time every
 * indicator of every scope equals {@link ExpectedIndicators}, the independent fold over the whole day, and the dead
 * letters are exactly the fold's: the state came back whole, was split over the new parallelism, and nothing was
 * counted twice or lost (the second half resends some ids of the first, which only the restored dedup state drops).
 * The day starts with the register's ({@link RegisterCityDay}), so the coverage of every scope, whose people and
 * services straddle the savepoint, must come back whole too.
 */
class UpgradeAndRescaleTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    private static final String SOURCE_UID = "upgrade-test-events";
    private static final OffsetDateTime START =
            OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
    /** The register's day first, so the savepoint falls amid its services (docs/CONTRACT.md §7.5). */
    private static final List<CareEvent> DAY = Stream.concat(
                    RegisterCityDay.events(START, START.toLocalDate()).stream(), CityDay.events(START).stream())
            .toList();

    private static final List<CareEvent> FIRST_HALF = DAY.subList(0, DAY.size() / 2);
    private static final List<CareEvent> SECOND_HALF = DAY.subList(DAY.size() / 2, DAY.size());

    @TempDir
    static Path savepoints;

    private static String savepoint;
    private static List<Rejection> firstHalfDeadLetters;
    private static List<IndicatorDocument> firstHalfIndicators;

    @BeforeAll
    static void runTheFirstHalfAndStopWithASavepoint() throws Exception {
        Sinks sinks = new Sinks("before-upgrade");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(noKryo());
        env.setParallelism(2);
        IndicatorJob.build(env, openEnded(env, raw(FIRST_HALF)), sinks.job, config());
        JobClient job = env.executeAsync("before the upgrade");

        ExpectedIndicators expected = new ExpectedIndicators(FIRST_HALF);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!sameAsTheFold(sinks, expected)) {
            assertThat(System.nanoTime())
                    .as("the first half was processed in time")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        String written = job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(3, TimeUnit.MINUTES);
        savepoint =
                written.startsWith("file:") ? written : Path.of(written).toUri().toString();
        firstHalfDeadLetters = sinks.deadLetters.collected();
        firstHalfIndicators = sinks.indicators.collected();
    }

    @Test
    void aChangedJobRestoredAtParallelismOneCountsTheDayExactlyOnce() throws Exception {
        restoreAndFinishTheDay(1);
    }

    @Test
    void aChangedJobRestoredAtParallelismTwoCountsTheDayExactlyOnce() throws Exception {
        restoreAndFinishTheDay(2);
    }

    @Test
    void aChangedJobRestoredAtParallelismFourCountsTheDayExactlyOnce() throws Exception {
        restoreAndFinishTheDay(4);
    }

    private static void restoreAndFinishTheDay(int parallelism) throws Exception {
        Configuration conf = noKryo();
        conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        // The first run's open-ended source is the only state left unclaimed: this run reads a bounded one.
        conf.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        Sinks sinks = new Sinks("after-upgrade-p" + parallelism);
        DataStream<byte[]> secondHalf = env.fromData(
                        raw(SECOND_HALF), PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1)
                .uid(SOURCE_UID + "-second-half")
                // The change of this release: a stage that did not exist in the savepoint's job.
                .map(UpgradeAndRescaleTest::unchanged)
                .returns(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO)
                .setParallelism(1)
                .uid("stage-added-by-the-upgrade");
        IndicatorJob.build(env, secondHalf, sinks.job, config());
        env.execute("after the upgrade at parallelism " + parallelism);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assumeThat(START.toLocalDate()).as("the run did not cross midnight").isEqualTo(today);
        ExpectedIndicators expected = new ExpectedIndicators(DAY);
        // What the index holds: each scope's latest document, written before the upgrade or after it.
        List<IndicatorDocument> written = new ArrayList<>(firstHalfIndicators);
        written.addAll(sinks.indicators.collected());
        Map<String, IndicatorDocument> latest = latestBy(written, IndicatorDocument::code);
        List<String> scopes = ScopeInfo.allCodes(Regions.load());
        assertThat(latest.keySet()).containsAll(scopes);
        assertThat(sinks.indicators.collected())
                .as("the restored job went on from the savepoint's figures")
                .isNotEmpty();
        for (String code : scopes) {
            assertSameIndicators(latest.get(code), expected.of(code, today), code + " at parallelism " + parallelism);
        }
        List<String> reasons = new ArrayList<>();
        firstHalfDeadLetters.forEach(r -> reasons.add(r.reasons().getFirst()));
        sinks.deadLetters.collected().forEach(r -> reasons.add(r.reasons().getFirst()));
        assertThat(reasons)
                .as("each rejected event is one dead letter, before or after the upgrade")
                .containsExactlyInAnyOrderElementsOf(expected.rejections);
    }

    private static byte[] unchanged(byte[] record) {
        return record;
    }

    private static boolean sameAsTheFold(Sinks sinks, ExpectedIndicators expected) {
        Map<String, IndicatorDocument> latest = latestBy(sinks.indicators.collected(), IndicatorDocument::code);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (String code : List.of(Events.STREET, Events.OTHER_STREET)) {
            IndicatorDocument actual = latest.get(code);
            if (actual == null) {
                return false;
            }
            try {
                assertSameIndicators(actual, expected.of(code, today), code);
            } catch (AssertionError notYet) {
                return false;
            }
        }
        return sinks.deadLetters.collected().size() == expected.rejections.size();
    }

    private static void assertSameIndicators(IndicatorDocument actual, IndicatorDocument expected, String as) {
        assertThat(actual)
                .as(as)
                .usingRecursiveComparison()
                .ignoringFields("asOf")
                .withComparatorForType(UpgradeAndRescaleTest::closeEnough, Double.class)
                .isEqualTo(expected);
    }

    private static int closeEnough(Double a, Double b) {
        if (a == null || b == null) {
            return a == b ? 0 : 1;
        }
        return Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
    }

    private static StreamingConfig config() {
        return StreamingConfig.defaults()
                .with("pii.allow-demo-key", "true")
                .withCoalesceInterval(Duration.ZERO)
                .withSilenceThreshold(Duration.ofHours(1));
    }

    private static Configuration noKryo() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    private static ArrayList<byte[]> raw(List<CareEvent> events) {
        return new ArrayList<>(events.stream().map(CloudEventJson::write).toList());
    }

    private static <T> Map<String, T> latestBy(List<T> all, Function<T, String> id) {
        Map<String, T> latest = new LinkedHashMap<>();
        all.forEach(d -> latest.put(id.apply(d), d));
        return latest;
    }

    /** Emits {@code events} and then stays open, like a quiet Kafka partition, until a savepoint stops the job. */
    private static DataStream<byte[]> openEnded(StreamExecutionEnvironment env, ArrayList<byte[]> events) {
        EMITTED.set(0);
        int count = events.size();
        DataGeneratorSource<byte[]> source = new DataGeneratorSource<>(
                index -> {
                    EMITTED.incrementAndGet();
                    return events.get(index.intValue());
                },
                Long.MAX_VALUE,
                new StopAfter(count),
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "first half")
                .setParallelism(1)
                .uid(SOURCE_UID);
    }

    private static final AtomicLong EMITTED = new AtomicLong();

    private record StopAfter(int count) implements RateLimiterStrategy<NumberSequenceSplit> {
        @Override
        public RateLimiter<NumberSequenceSplit> createRateLimiter(int parallelism) {
            return permits ->
                    EMITTED.get() < count ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }
    }

    /** The sinks of one run, collected in memory. */
    private static final class Sinks {
        final CollectingSink<IndicatorDocument> indicators;
        final CollectingSink<Rejection> deadLetters;
        final JobSinks job;

        Sinks(String run) {
            indicators = new CollectingSink<>(run + "-indicators");
            deadLetters = new CollectingSink<>(run + "-dead-letters");
            job = CollectingJobSinks.named(run)
                    .indicators(indicators)
                    .deadLetters(deadLetters)
                    .build();
        }
    }
}
