package org.eldercare.infra.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.api.status.ComponentCheck;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.streaming.JobEnvironment;
import org.eldercare.streaming.StreamingConfig;
import org.eldercare.streaming.StreamingJobs;
import org.eldercare.streaming.sink.ElasticsearchSinkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits the streaming jobs to the local stack's MiniCluster, resuming from the newest retained
 * checkpoint under {@code <data-dir>/flink/checkpoints} so that a restart neither loses nor
 * double-counts an event: Kafka offsets and keyed state come back together.
 */
class StreamingLauncher implements ComponentCheck, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamingLauncher.class);

    private final JobClient job;

    StreamingLauncher(LocalStack stack, StreamingConfig config) throws Exception {
        StreamExecutionEnvironment env = environment(stack, config);
        StreamingJobs.wire(env, config, ElasticsearchSinkFactory.forUrl(config.elasticsearchUrl()));
        job = env.executeAsync(StreamingJobs.JOB_NAME);
        LOG.info("[stack] streaming: job {} submitted", job.getJobID());
    }

    static StreamingConfig config(LocalStack stack, Duration checkpointInterval) {
        Path checkpoints = stack.config().flinkDir().resolve("checkpoints");
        return StreamingConfig.defaults()
                .withKafkaBootstrap(stack.kafkaBootstrapServers())
                .withCheckpointDir(checkpoints.toUri().toString())
                .withParallelism(stack.config().flinkParallelism())
                .with(StreamingConfig.ES_URL, stack.elasticsearchUrl())
                .with(StreamingConfig.CHECKPOINT_INTERVAL, checkpointInterval);
    }

    private static StreamExecutionEnvironment environment(LocalStack stack, StreamingConfig config) {
        JobEnvironment environment = JobEnvironment.of(config);
        environment.resumesFrom().ifPresent(chk -> LOG.info("[stack] streaming: resuming from {}", chk));
        URI rest = stack.flinkRestAddress();
        return environment.remote(rest.getHost(), rest.getPort());
    }

    @Override
    public String name() {
        return "streaming";
    }

    @Override
    public State check() {
        try {
            var status = job.getJobStatus().get();
            return new State(!status.isGloballyTerminalState(), "job " + job.getJobID() + " " + status);
        } catch (Exception e) {
            return new State(false, "job status unknown: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        // Cancelling keeps the retained checkpoints; the next start resumes from the newest one.
        try {
            job.cancel().get(20, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("streaming job cancel: {}", e.toString());
        }
    }
}
