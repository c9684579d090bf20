package org.eldercare.streaming;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.streaming.exchange.LiveExchanges;

/**
 * The one way to build the Flink environment of the streaming jobs, wherever they run: the job jar on a Flink cluster
 * ({@link #onCluster()}), the local platform's MiniCluster over REST ({@link #remote}), tests in-process ({@link
 * #local()}). Every environment gets the same settings from {@link StreamingConfig}:
 *
 * <ul>
 *   <li>parallelism {@code parallelism};
 *   <li>EXACTLY_ONCE checkpoints every {@code checkpoint.interval} under {@code checkpoint.dir};
 *   <li>the exponential-delay restart strategy, which is Flink's own default once checkpointing is on; set here so it
 *       does not depend on how the cluster is configured;
 *   <li>a network buffer is sent after at most {@link #BUFFER_TIMEOUT} (Flink's default, 100 ms) even when not full,
 *       and after {@link LiveExchanges#BUFFER_TIMEOUT} (10 ms) on the exchanges the job marks {@link
 *       LiveExchanges#live}: the incident path (an SOS crosses four keyed exchanges) carries a few records a second
 *       beside thousands of heartbeats, and 100 ms per exchange made the SOS wait for half-empty buffers
 *       (docs/CONTRACT.md §9.7);
 *   <li>when {@link #resumable(boolean) resumable} (the default): checkpoints retained on cancellation, and the
 *       newest retained checkpoint under {@code checkpoint.dir} restored at start, so a restarted process neither
 *       loses nor double-counts an event (Kafka offsets and keyed state come back together).
 * </ul>
 *
 * A benchmark run is not resumable: it starts from nothing and leaves no checkpoint a later run could pick up.
 */
public final class JobEnvironment {

    /**
     * Longest time a partly filled network buffer waits before it is sent, on every exchange not marked {@link
     * LiveExchanges#live}:
     * Flink's default. Busy channels fill their buffers long before it. Each output of a task has a thread that wakes
     * this often to flush; at 10 ms everywhere (about 90 such threads in the indicator job at parallelism 2) they took
     * a seventh of a core of a two-core machine whatever the load (infra/tools/benchmark/README.md, "sinks").
     */
    public static final Duration BUFFER_TIMEOUT = Duration.ofMillis(100);

    private final StreamingConfig config;
    private final boolean resumable;

    private JobEnvironment(StreamingConfig config, boolean resumable) {
        this.config = config;
        this.resumable = resumable;
    }

    /** A resumable environment for {@code config}. */
    public static JobEnvironment of(StreamingConfig config) {
        return new JobEnvironment(config, true);
    }

    /** A copy that retains and resumes from checkpoints ({@code true}) or starts fresh and keeps none. */
    public JobEnvironment resumable(boolean value) {
        return new JobEnvironment(config, value);
    }

    /** The checkpoint the environment restores at start: the newest under {@code checkpoint.dir}, when resumable. */
    public Optional<Path> resumesFrom() {
        return resumable ? LatestCheckpoint.under(config.checkpointDir()) : Optional.empty();
    }

    /** The Flink configuration every environment is created with. */
    public Configuration configuration() {
        return configuration(Optional.empty());
    }

    /**
     * As {@link #configuration()}, for a submitter that may have named a savepoint ({@code flink run -s}, the
     * Kubernetes operator's upgrade): a named savepoint wins over the newest retained checkpoint, which would
     * otherwise replace it and silently start the upgraded job from older state.
     */
    public Configuration configuration(Optional<String> namedSavepoint) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, config.checkpointDir());
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
        conf.set(ExecutionOptions.BUFFER_TIMEOUT, BUFFER_TIMEOUT);
        if (resumable) {
            conf.set(
                    CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                    ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
            if (namedSavepoint.isPresent()) {
                conf.set(StateRecoveryOptions.SAVEPOINT_PATH, namedSavepoint.get());
            } else {
                resumesFrom()
                        .ifPresent(chk -> conf.set(
                                StateRecoveryOptions.SAVEPOINT_PATH, chk.toUri().toString()));
            }
        }
        return conf;
    }

    /** For the job jar: the environment of the cluster the jar was submitted to. */
    public StreamExecutionEnvironment onCluster() {
        Optional<String> named = StreamExecutionEnvironment.getExecutionEnvironment()
                .getConfiguration()
                .getOptional(StateRecoveryOptions.SAVEPOINT_PATH);
        return configure(StreamExecutionEnvironment.getExecutionEnvironment(configuration(named)));
    }

    /** An in-process local environment (tests). */
    public StreamExecutionEnvironment local() {
        return configure(StreamExecutionEnvironment.createLocalEnvironment(config.parallelism(), configuration()));
    }

    /** An environment submitting to the cluster whose REST endpoint is {@code host:port} (the local MiniCluster). */
    public StreamExecutionEnvironment remote(String host, int port) {
        return remote(host, port, new Configuration());
    }

    /**
     * Like {@link #remote(String, int)}, with the client settings the endpoint demands (e.g. the local MiniCluster's
     * mutual TLS, {@code security.ssl.rest.*}) added to the job's own.
     */
    public StreamExecutionEnvironment remote(String host, int port, Configuration client) {
        Configuration conf = configuration();
        conf.addAll(client);
        return configure(StreamExecutionEnvironment.createRemoteEnvironment(host, port, conf));
    }

    private StreamExecutionEnvironment configure(StreamExecutionEnvironment env) {
        env.setParallelism(config.parallelism());
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }
}
