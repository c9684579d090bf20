package org.eldercare.it;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.streaming.sink.ElasticsearchSinkFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink → Elasticsearch sink in a MiniCluster job against a real node: small bulks and one
 * request in flight (backpressure), a replay that must overwrite rather than double, and a node
 * that goes away mid-stream and comes back.
 */
class ElasticsearchSinkIT {

    @TempDir
    static Path data;

    static ElasticsearchTestNode node;
    static ElasticsearchConfig config;
    static ElasticsearchClient client;

    @BeforeAll
    static void startNode() throws Exception {
        node = ElasticsearchTestNode.started(data);
        config = ElasticsearchConfig.from(Map.of(
                "eldercare.elasticsearch.url", node.url(),
                "eldercare.elasticsearch.bulk-actions", "200",
                "eldercare.elasticsearch.bulk-flush-interval", "PT0.2S",
                "eldercare.elasticsearch.request-timeout", "PT5S")::get);
        client = Elasticsearch.client(config);
    }

    @AfterAll
    static void stopNode() throws Exception {
        if (client != null) {
            client._transport().close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void everyDocumentArrivesOnceAndAReplayOverwritesInsteadOfDoubling() throws Exception {
        String index = "sink-replay";
        int readings = 20_000;

        run(job(index, readings, 1, false), Duration.ofMinutes(3));
        run(job(index, readings, 2, false), Duration.ofMinutes(3));

        assertThat(count(index, null)).isEqualTo(readings);
        assertThat(count(index, 1)).isZero();
        assertThat(count(index, 2)).isEqualTo(readings);
    }

    @Test
    void aNodeThatGoesAwayMidStreamLosesNothingOnceItIsBack() throws Exception {
        String index = "sink-outage";
        int readings = 8_000;
        JobClient job = job(index, readings, 1, true).executeAsync("sink-outage");

        awaitSomeWritten(index);
        node.stop();
        Thread.sleep(3_000);
        assertThat(job.getJobStatus().get()).as("job waits for the node").matches(s -> !s.isGloballyTerminalState());
        node.start();
        job.getJobExecutionResult().get(5, TimeUnit.MINUTES);

        assertThat(count(index, null)).isEqualTo(readings);
        assertThat(count(index, 1)).isEqualTo(readings);
    }

    @Test
    void aCoalescingSinkLeavesEveryDocumentAtItsNewestVersionWithFewerWrites() throws Exception {
        String index = "sink-coalesce";
        int readings = 20_000;
        int documents = 50;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1_000);
        // One source: each id's versions reach its sink subtask in sequence order.
        env.fromSequence(0, readings - 1)
                .setParallelism(1)
                .name("readings")
                .map(new RewrittenReading(documents))
                .setParallelism(1)
                .name("rewritten-reading")
                .keyBy(Reading::id)
                .map(r -> r)
                .returns(Reading.class)
                .name("by-id")
                .sinkTo(new ElasticsearchSinkFactory(config).<Reading>createCoalescing(index, Reading::id))
                .name("elasticsearch");

        run(env, Duration.ofMinutes(3));

        // Each id's newest reading is the last of the sequence with its remainder.
        assertThat(count(index, null)).isEqualTo(documents);
        assertThat(countNewest(index, readings - documents)).isEqualTo(documents);
        assertThat(indexOperations(index))
                .as("versions replaced while they waited are never sent")
                .isLessThan(readings);
    }

    private StreamExecutionEnvironment job(String index, int readings, int version, boolean throttled) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(1_000);
        env.fromSequence(0, readings - 1)
                .name("readings")
                .map(new ToReading(version, throttled))
                .name("to-reading")
                .keyBy(Reading::id)
                .map(r -> r)
                .returns(Reading.class)
                .name("by-id")
                .sinkTo(new ElasticsearchSinkFactory(config).<Reading>create(index, Reading::id))
                .name("elasticsearch");
        return env;
    }

    private static void run(StreamExecutionEnvironment env, Duration timeout) throws Exception {
        env.executeAsync().getJobExecutionResult().get(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    private void awaitSomeWritten(String index) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            if (client.indices().exists(e -> e.index(index)).value() && count(index, null) > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(index + ": nothing written within 2 minutes");
    }

    private long count(String index, Integer version) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> {
                    c.index(index);
                    if (version != null) {
                        c.query(q -> q.term(t -> t.field("version").value(version)));
                    }
                    return c;
                })
                .count();
    }

    private long countNewest(String index, long fromSequence) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.count(c -> c.index(index)
                        .query(q ->
                                q.range(r -> r.number(n -> n.field("sequence").gte((double) fromSequence)))))
                .count();
    }

    private long indexOperations(String index) throws Exception {
        return client.indices()
                .stats(s -> s.index(index))
                .indices()
                .get(index)
                .primaries()
                .indexing()
                .indexTotal();
    }

    /** Sequence number to a new version of one of {@code documents} readings: id = sequence modulo documents. */
    private record RewrittenReading(int documents) implements MapFunction<Long, Reading> {
        @Override
        public Reading map(Long sequence) {
            return new Reading("reading-" + (sequence % documents), 1, sequence);
        }
    }

    /** Sequence number to reading; throttled to about 1,000 a second per subtask when asked. */
    private record ToReading(int version, boolean throttled) implements MapFunction<Long, Reading> {
        @Override
        public Reading map(Long sequence) throws Exception {
            if (throttled) {
                Thread.sleep(1);
            }
            return new Reading("reading-" + sequence, version, sequence);
        }
    }
}
