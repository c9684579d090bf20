package org.eldercare.streaming.savepoint;

import static org.eldercare.ingest.event.FacilityKind.CARE_STATION;
import static org.eldercare.ingest.event.FacilityKind.INSTITUTION;
import static org.eldercare.streaming.fixtures.Events.STREET;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource.NumberSequenceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.IndicatorJob;
import org.eldercare.streaming.JobSinks;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.fixtures.CollectingJobSinks;
import org.eldercare.streaming.fixtures.CollectingSink;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.recipient.RecipientEntry;

/**
 * The events behind the committed savepoint and the ones sent after restoring it. Before: two operating facilities
 * on {@link Events#STREET} (f-1, 10 beds, 3 occupied, caregiver c-1 certified and on shift; f-2, 40 beds, 30
 * occupied), a planner's population for the street and a service delivered at f-1. After: two more beds at f-1, an
 * uncertified caregiver hired at f-2 and a second service for the same recipient, each of which only adds up if the
 * ledger, caregiver, view, scope and recipient state came back.
 */
final class SavepointFixture {

    /** The savepoint written by the release before its serializers were versioned. */
    static final String RESOURCE = "savepoints/2026-12-01-unversioned";

    static final String SOURCE_UID = "fixture-events";

    private static final OffsetDateTime BEFORE = OffsetDateTime.parse("2026-11-30T09:00:00+08:00");
    private static final OffsetDateTime AFTER = OffsetDateTime.parse("2026-12-01T09:00:00+08:00");

    private SavepointFixture() {}

    static List<CareEvent> before() {
        return timed(
                "sp-",
                BEFORE,
                List.of(
                        Events.registered("f-1", CARE_STATION, 10),
                        Events.registered("f-2", INSTITUTION, 40),
                        Events.bedOccupied("f-1", 3),
                        Events.bedOccupied("f-2", 30),
                        Events.hired("c-1", "f-1", true),
                        Events.shiftStarted("c-1", "f-1"),
                        Events.populationUpdated(STREET, 50_000, 12_000),
                        Events.serviceDelivered("f-1", "rec-1")));
    }

    static List<CareEvent> after() {
        return timed(
                "after-",
                AFTER,
                List.of(
                        Events.bedOccupied("f-1", 2),
                        Events.hired("c-2", "f-2", false),
                        Events.serviceDelivered("f-1", "rec-2")));
    }

    /** Fixed ids and times, so the fixture is the same in every run and JVM. */
    private static List<CareEvent> timed(String idPrefix, OffsetDateTime start, List<CareEvent> events) {
        List<CareEvent> timed = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            CareEvent e = events.get(i);
            timed.add(new CareEvent(idPrefix + (i + 1), e.source(), e.type(), start.plusSeconds(i), e.data()));
        }
        return timed;
    }

    static ArrayList<byte[]> raw(List<CareEvent> events) {
        return new ArrayList<>(events.stream().map(CloudEventJson::write).toList());
    }

    static StreamingConfig config() {
        return StreamingConfig.defaults()
                .with("pii.allow-demo-key", "true")
                .withCoalesceInterval(Duration.ZERO)
                .withSilenceThreshold(Duration.ofHours(1));
    }

    static Configuration noKryo() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    /** The sinks of one run, collected in memory. */
    static final class Sinks {
        final CollectingSink<IndicatorDocument> indicators;
        final CollectingSink<FacilityDocument> facilities;
        final CollectingSink<Rejection> deadLetters;
        final CollectingSink<ServiceRecordDocument> serviceRecords;
        final CollectingSink<RecipientEntry> recipients;
        final JobSinks job;

        Sinks(String run) {
            indicators = new CollectingSink<>(run + "-indicators");
            facilities = new CollectingSink<>(run + "-facilities");
            deadLetters = new CollectingSink<>(run + "-dead-letters");
            serviceRecords = new CollectingSink<>(run + "-service-records");
            recipients = new CollectingSink<>(run + "-recipients");
            job = CollectingJobSinks.named(run)
                    .indicators(indicators)
                    .facilities(facilities)
                    .deadLetters(deadLetters)
                    .serviceRecords(serviceRecords)
                    .recipients(recipients)
                    .build();
        }
    }

    /** The job as in production, at parallelism 2, reading {@code raw} from one source subtask. */
    static void build(StreamExecutionEnvironment env, DataStream<byte[]> raw, Sinks sinks) {
        env.setParallelism(2);
        IndicatorJob.build(env, raw, sinks.job, config());
    }

    /**
     * A source that emits {@code events} and then stays open without emitting, like a quiet Kafka partition, so the
     * job keeps running until a savepoint stops it.
     */
    static DataStream<byte[]> openEnded(StreamExecutionEnvironment env, ArrayList<byte[]> events) {
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
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "fixture events")
                .setParallelism(1)
                .uid(SOURCE_UID);
    }

    /** Records the fixture source has emitted in this JVM (the MiniCluster runs in it). */
    private static final AtomicLong EMITTED = new AtomicLong();

    /** Lets one record through per permit until {@code count} are out, then never again. */
    private record StopAfter(int count) implements RateLimiterStrategy<NumberSequenceSplit> {
        @Override
        public RateLimiter<NumberSequenceSplit> createRateLimiter(int parallelism) {
            return permits ->
                    EMITTED.get() < count ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        }
    }
}
