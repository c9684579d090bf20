package org.eldercare.benchmark.faults;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eldercare.infra.stack.ClusterPlatform;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.document.IndexNames;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.streaming.ExpectedIndicators;
import org.eldercare.streaming.fixtures.CityDay;
import org.eldercare.streaming.fixtures.Events;

/**
 * Rescaling on the cluster mode (issue #14 item 4): the job counts a city day and half a stream at the mode's
 * parallelism and is stopped with a savepoint ({@code flink stop}); the other half waits in Kafka. The same savepoint
 * is then restored ({@code flink run -s}) at each parallelism in turn; each time every indicator field of every scope
 * must equal the independent fold of everything sent, and the backlog's throughput is quoted: backlog events / (job
 * RUNNING → the probe scopes equal the fold).
 */
public final class ClusterRescale {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** One restore: its parallelism, the backlog's throughput, and the scopes that differ from the fold. */
    public record Restore(
            int parallelism, long backlog, double eventsPerSecond, Duration drain, List<String> differences) {}

    private final ClusterPlatform cluster;

    public ClusterRescale(ClusterPlatform cluster) {
        this.cluster = cluster;
    }

    public List<Restore> run(List<Integer> parallelisms, int backlog, Duration settle) throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36);
        OffsetDateTime start = OffsetDateTime.now(SHANGHAI).minusMinutes(2).truncatedTo(ChronoUnit.SECONDS);
        List<CareEvent> sent = new ArrayList<>(CityDay.events(start));
        List<CareEvent> firstHalf = new ArrayList<>();
        List<CareEvent> secondHalf = new ArrayList<>();
        for (int i = 0; i < 2 * backlog; i++) {
            (i < backlog ? firstHalf : secondHalf)
                    .add(ClusterFaults.streamEvent("rescale-" + run, i, start.plusSeconds(70)));
        }
        ElasticsearchClient es = Elasticsearch.client(
                ElasticsearchConfig.from(Map.of("eldercare.elasticsearch.url", cluster.elasticsearchUrl())::get));
        try {
            ClusterFaults.produce(cluster, sent);
            ClusterFaults.produce(cluster, firstHalf);
            sent.addAll(firstHalf);
            LocalDate today = LocalDate.now(SHANGHAI);
            List<String> before = ClusterFaults.awaitFold(es, new ExpectedIndicators(sent), today, settle);
            if (!before.isEmpty()) {
                throw new IllegalStateException("before the savepoint the indicators differ from the fold: " + before);
            }
            String savepoint = cluster.stopWithSavepoint(cluster.jobId());
            ClusterFaults.log("savepoint " + savepoint + "; " + backlog + " events wait in Kafka");
            ClusterFaults.produce(cluster, secondHalf);
            sent.addAll(secondHalf);
            ExpectedIndicators expected = new ExpectedIndicators(sent);

            List<Restore> restores = new ArrayList<>();
            for (int parallelism : parallelisms) {
                // The scopes the backlog moves are removed, so only the restored job can write them back.
                for (String code : List.of(Events.STREET, Events.OTHER_STREET, Events.DISTRICT)) {
                    es.delete(d -> d.index(IndexNames.INDICATORS).id(code));
                }
                String job = cluster.submitJob(parallelism, savepoint);
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!"RUNNING".equals(cluster.flinkRest().jobState(job))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("job " + job + " not RUNNING at parallelism " + parallelism);
                    }
                    Thread.sleep(100);
                }
                long running = System.nanoTime();
                List<String> differences = ClusterFaults.awaitFold(es, expected, today, settle);
                Duration drain = Duration.ofNanos(System.nanoTime() - running);
                restores.add(new Restore(parallelism, backlog, backlog / (drain.toNanos() / 1e9), drain, differences));
                ClusterFaults.log("parallelism " + parallelism + ": drained in " + drain.toMillis() + " ms, "
                        + (differences.isEmpty() ? "equal to the fold" : "DIFFER " + differences));
                cluster.cancelJob(job);
            }
            // Leave the mode as it was: the job running at its parallelism, from the newest retained checkpoint.
            cluster.submitJob(cluster.parallelism(), null);
            return restores;
        } finally {
            es._transport().close();
        }
    }
}
