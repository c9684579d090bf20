package org.eldercare.benchmark.resolve;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.eldercare.benchmark.common.Latencies;
import org.eldercare.benchmark.common.Options;
import org.eldercare.benchmark.common.Report;
import org.eldercare.benchmark.common.WorkDir;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.JobEnvironment;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.recipient.PreparedRecord;
import org.eldercare.streaming.recipient.RecipientEntry;
import org.eldercare.streaming.recipient.RecipientResolution;
import org.eldercare.streaming.recipient.ResolveRecipients;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.tools.evaluation.ResolutionPipeline;

/**
 * Recipient resolution alone (issue #14 item 5): a stream of {@code service.delivered} only, the noisy records of the
 * evaluation generator ({@code --persons}, seed {@code --seed}) sealed as the intake seals them, through the job's
 * own resolution stage ({@link RecipientResolution#attach}: {@code --parallelism} instances prepare the records, one
 * resolver links and merges) on an in-process local environment, with the job's serializers between operators and
 * exactly-once checkpoints every {@code --checkpoint-interval} (10 s) to a temporary directory. {@code --parallelism
 * 0} is the stage as it was before: no preparing instances, the one resolver does each record's work itself.
 *
 * <p>The {@code service-records} sink measures, the {@code recipients} sink discards. <b>Rate</b>: records per
 * wall-clock second from the first record handed on by the source to the last record's document leaving the
 * resolver, the source paced by the job's backpressure ({@code --rate 0}) or at {@code --rate} records/s.
 * <b>Freshness</b>: per record, from the source handing it on to its document leaving the resolver, which emits
 * the recipient's document in the same call; a sink to Elasticsearch would add its bulk and refresh. At {@code --rate
 * 0} freshness is mostly the time a record waits in the network buffers in front of a busy stage; at a rate the
 * stage keeps up with, it is the stage's own latency.
 */
public final class ResolveBenchmark {

    /** Set before the job starts and read by its tasks: the job runs in this JVM. */
    static volatile List<CareEvent> events = List.of();

    static volatile Map<String, Integer> indexOf = Map.of();
    static volatile AtomicLongArray inAt = new AtomicLongArray(0);
    static volatile AtomicLongArray outAt = new AtomicLongArray(0);

    private ResolveBenchmark() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int persons = options.integer("persons", 10_000);
        long seed = options.number("seed", 2);
        int parallelism = options.integer("parallelism", 1);
        int rate = options.integer("rate", 0);
        Duration checkpoints = options.duration("checkpoint-interval", Duration.ofSeconds(10));
        boolean keep = options.flag("keep-data");
        options.requireAllKnown();
        if (parallelism < 0 || rate < 0) {
            throw new IllegalArgumentException("--parallelism and --rate: must be 0 or more");
        }
        try (WorkDir work = WorkDir.create("resolve", keep)) {
            run(persons, seed, parallelism, rate, checkpoints, work);
        }
    }

    private static void run(int persons, long seed, int parallelism, int rate, Duration checkpoints, WorkDir work)
            throws Exception {
        StreamingConfig config = StreamingConfig.defaults()
                .withParallelism(Math.max(1, parallelism))
                .with(StreamingConfig.RESOLVE_PARALLELISM, parallelism)
                .withCheckpointDir(work.resolve("checkpoints").toUri().toString())
                .with(StreamingConfig.CHECKPOINT_INTERVAL, checkpoints)
                .with(StreamingConfig.PII_ALLOW_DEMO_KEY, true);
        RecipientTokeniser tokeniser = config.pii().tokeniser();
        List<CareEvent> sealed = ResolutionPipeline.serviceEvents(seed, persons).stream()
                .map(tokeniser::seal)
                .toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < sealed.size(); i++) {
            index.put(PreparedRecord.recordKey(sealed.get(i)), i);
        }
        events = sealed;
        indexOf = index;
        inAt = new AtomicLongArray(sealed.size());
        outAt = new AtomicLongArray(sealed.size());

        StreamExecutionEnvironment env =
                JobEnvironment.of(config).resumable(false).local();
        DataStream<CareEvent> records = env.fromSequence(0, sealed.size() - 1)
                .setParallelism(1)
                .name("records")
                .map(new Emit(rate), StreamTypes.CARE_EVENT)
                .setParallelism(1)
                .name("service.delivered");
        Sink<ServiceRecordDocument> measured = new Measured();
        Sink<RecipientEntry> discarded = new DiscardingSink<>();
        if (parallelism == 0) {
            SingleOutputStreamOperator<ServiceRecordDocument> resolved = records.map(
                            PreparedRecord::of, PreparedRecord.TYPE)
                    .setParallelism(1)
                    .keyBy(e -> ResolveRecipients.ALL, Types.STRING)
                    .process(
                            new ResolveRecipients(config.pii(), ResolutionThresholds.DEFAULT),
                            ResolveRecipients.SERVICE_RECORD)
                    .setParallelism(1)
                    .setMaxParallelism(1)
                    .name("resolve recipients");
            resolved.sinkTo(measured).setParallelism(1);
            resolved.getSideOutput(ResolveRecipients.RECIPIENTS)
                    .sinkTo(discarded)
                    .setParallelism(1);
        } else {
            RecipientResolution.attach(records, null, config.pii(), parallelism, measured, discarded, null);
        }
        long started = System.nanoTime();
        env.execute("benchmark: resolve recipients");
        double wall = (System.nanoTime() - started) / 1e9;

        int n = sealed.size();
        long first = Long.MAX_VALUE;
        long last = 0;
        Latencies freshness = new Latencies();
        Latencies steady = new Latencies();
        int missing = 0;
        for (int i = 0; i < n; i++) {
            long in = inAt.get(i);
            long out = outAt.get(i);
            if (out == 0) {
                missing++;
                continue;
            }
            first = Math.min(first, in);
            last = Math.max(last, out);
            freshness.record(out - in);
            if (i >= n / 5) {
                steady.record(out - in);
            }
        }
        long steadyFrom = inAt.get(n / 5);
        double seconds = (last - first) / 1e9;
        double steadySeconds = (last - steadyFrom) / 1e9;
        new Report("resolve: recipient resolution, service.delivered only")
                .line(
                        "records",
                        "%,d service.delivered of %,d persons (evaluation generator, seed %d), sealed",
                        n,
                        persons,
                        seed)
                .line(
                        "job",
                        "%s, local environment, service-records sink measures, recipients sink discards,"
                                + " checkpoints every %s",
                        parallelism == 0
                                ? "before: one resolver doing each record's work itself"
                                : "resolve.parallelism " + parallelism + " preparing + 1 resolver",
                        checkpoints)
                .line("source", rate == 0 ? "as fast as the job takes them (backpressure)" : "%,d records/s", rate)
                .line("rate", "%,.0f records/s over all (%.1f s; whole run %.1f s)", n / seconds, seconds, wall)
                .line("rate", "%,.0f records/s after the first fifth (JIT warm)", (n - n / 5) / steadySeconds)
                .line("freshness", "record in -> its document out of the resolver: %s", freshness.summary())
                .line("freshness", "after the first fifth: %s", steady.summary())
                .goal("every record resolved", missing == 0, missing + " missing")
                .print();
    }

    /** Hands on record {@code i}, at {@code rate} per second when given, and notes when. */
    static final class Emit implements MapFunction<Long, CareEvent> {
        private static final long serialVersionUID = 1L;
        private final int rate;
        private transient long startedAt;

        Emit(int rate) {
            this.rate = rate;
        }

        @Override
        public CareEvent map(Long i) throws InterruptedException {
            int at = (int) (long) i;
            if (rate > 0) {
                if (startedAt == 0) {
                    startedAt = System.nanoTime();
                }
                long due = startedAt + at * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            inAt.set(at, System.nanoTime());
            return events.get(at);
        }
    }

    /** Notes when each record's first document leaves the resolver (a merge rewrites some again later). */
    static final class Measured implements Sink<ServiceRecordDocument> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<ServiceRecordDocument> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(ServiceRecordDocument d, Context context) {
                    Integer i = indexOf.get(ServiceRecordDocument.documentId(d.operatorId(), d.recordId()));
                    if (i != null) {
                        outAt.compareAndSet(i, 0, System.nanoTime());
                    }
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
