package org.eldercare.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.ForwardPartitioner;
import org.eldercare.streaming.fixtures.TestPiiSecrets;
import org.eldercare.streaming.sink.ElasticsearchSinkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void checkpointsExactlyOnceAtTheConfiguredIntervalAndParallelism() {
        StreamingConfig config = StreamingConfig.defaults()
                .withCheckpointDir(dir.toUri().toString())
                .withParallelism(3)
                .with("checkpoint.interval", "PT7S");

        StreamExecutionEnvironment env = JobEnvironment.of(config).local();

        assertThat(env.getParallelism()).isEqualTo(3);
        assertThat(env.getCheckpointInterval()).isEqualTo(Duration.ofSeconds(7).toMillis());
        assertThat(env.getCheckpointConfig().getCheckpointingConsistencyMode())
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
    }

    @Test
    void sendsAPartlyFilledBufferWithinFlinksDefaultOf100Milliseconds() {
        StreamExecutionEnvironment env = JobEnvironment.of(
                        StreamingConfig.defaults().withCheckpointDir(dir.toUri().toString()))
                .local();

        assertThat(env.getBufferTimeout()).isEqualTo(100L);
    }

    @Test
    void theSosPathsExchangesSendPartlyFilledBuffersWithinTenMillisecondsAndTheOthersWithin100() {
        var pii = TestPiiSecrets.withHmacKey("buffer-timeout-test-hmac-key-0123456789");
        StreamingConfig config = StreamingConfig.fromArgs(new String[] {
            "--kafka.bootstrap=127.0.0.1:9",
            "--checkpoint.dir=" + dir.toUri(),
            "--pii.hmac-key-file=" + pii.hmacKeyFile(),
            "--pii.keys-file=" + pii.keysFile()
        });
        StreamExecutionEnvironment env =
                JobEnvironment.of(config).resumable(false).local();
        StreamingJobs.wire(env, config, ElasticsearchSinkFactory.forUrl("http://127.0.0.1:9"));
        StreamGraph graph = env.getStreamGraph();

        // An SOS: parsed, deduplicated, to its device, its person, its incident (docs/CONTRACT.md §9.7); a hotline step
        // to its incident. Each of these operators sends into the next keyed exchange of that path.
        for (String live : List.of(
                "parse and validate",
                "device events",
                "devices: SOS, silence, water",
                "persons: low water, missed visits, masked details",
                "hotline steps")) {
            assertThat(exchangesOutOf(graph, live))
                    .as("the exchanges out of %s", live)
                    .isNotEmpty()
                    .allSatisfy(edge -> assertThat(edge.getBufferTimeout()).isEqualTo(10L));
        }
        for (String bulk : List.of("facility ledger", "prepare recipients", "resolve recipients")) {
            assertThat(exchangesOutOf(graph, bulk))
                    .as("the exchanges out of %s", bulk)
                    .isNotEmpty()
                    .allSatisfy(edge -> assertThat(edge.getBufferTimeout()).isEqualTo(100L));
        }
    }

    /** The edges out of the operator named {@code name} that cross a network exchange (not forward-chained). */
    private static List<StreamEdge> exchangesOutOf(StreamGraph graph, String name) {
        List<StreamNode> named = graph.getStreamNodes().stream()
                .filter(n -> n.getOperatorName().equals(name))
                .toList();
        assertThat(named).as("operators named %s", name).hasSize(1);
        return named.getFirst().getOutEdges().stream()
                .filter(e -> !(e.getPartitioner() instanceof ForwardPartitioner))
                .toList();
    }

    @Test
    void retainsCheckpointsAndResumesFromTheNewest() throws Exception {
        Path older = Files.createDirectories(dir.resolve("job-a/chk-3"));
        Files.writeString(older.resolve("_metadata"), "x");
        Path newer = Files.createDirectories(dir.resolve("job-b/chk-9"));
        Files.writeString(newer.resolve("_metadata"), "x");
        Files.setLastModifiedTime(older.resolve("_metadata"), java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        StreamingConfig config =
                StreamingConfig.defaults().withCheckpointDir(dir.toUri().toString());

        Configuration conf = JobEnvironment.of(config).configuration();

        assertThat(conf.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo(dir.toUri().toString());
        assertThat(conf.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(conf.get(StateRecoveryOptions.SAVEPOINT_PATH))
                .isEqualTo(newer.toUri().toString());
        assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
    }

    @Test
    void aRunThatIsNotResumableNeitherRestoresNorRetains() throws Exception {
        Path chk = Files.createDirectories(dir.resolve("job-a/chk-3"));
        Files.writeString(chk.resolve("_metadata"), "x");
        JobEnvironment fresh = JobEnvironment.of(
                        StreamingConfig.defaults().withCheckpointDir(dir.toUri().toString()))
                .resumable(false);

        Configuration conf = fresh.configuration();

        assertThat(fresh.resumesFrom()).isEmpty();
        assertThat(conf.getOptional(StateRecoveryOptions.SAVEPOINT_PATH)).isEmpty();
        assertThat(conf.getOptional(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEmpty();
    }

    @Test
    void aSavepointTheSubmitterNamesWinsOverTheNewestRetainedCheckpoint() throws Exception {
        Path chk = Files.createDirectories(dir.resolve("job-a/chk-3"));
        Files.writeString(chk.resolve("_metadata"), "x");
        String named = dir.resolve("savepoint-upgrade").toUri().toString();
        JobEnvironment environment = JobEnvironment.of(
                StreamingConfig.defaults().withCheckpointDir(dir.toUri().toString()));

        SubmittedWithSavepoint.install(named);
        try {
            // The path `flink run -s <savepoint> job.jar` takes: the client's context environment names it.
            StreamExecutionEnvironment env = environment.onCluster();

            assertThat(env.getConfiguration().get(StateRecoveryOptions.SAVEPOINT_PATH))
                    .isEqualTo(named);
        } finally {
            SubmittedWithSavepoint.uninstall();
        }
        assertThat(environment.configuration().get(StateRecoveryOptions.SAVEPOINT_PATH))
                .as("with no savepoint named, the newest retained checkpoint is still restored")
                .isEqualTo(chk.toUri().toString());
    }

    /** A client context as {@code flink run -s} installs it: the cluster's configuration names a savepoint. */
    private static final class SubmittedWithSavepoint extends StreamExecutionEnvironment {

        static void install(String savepoint) {
            initializeContextEnvironment(conf -> {
                Configuration merged = new Configuration();
                merged.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
                merged.addAll(conf);
                return new StreamExecutionEnvironment(merged);
            });
        }

        static void uninstall() {
            resetContextEnvironment();
        }
    }
}
