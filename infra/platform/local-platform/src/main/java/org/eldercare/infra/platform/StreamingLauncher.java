package org.eldercare.infra.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.eldercare.api.status.ComponentCheck;
import org.eldercare.api.system.PiiSettings;
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

    /**
     * The job's settings. Its PII keys are the API's own ({@code pii}: one setting feeds both, docs/CONTRACT.md
     * §6.7), handed over in files only the owner may read, under {@code <data-dir>/flink/secrets}: never as job
     * arguments or in the job graph. The demo keys are allowed only as far as the API allows them (local profile).
     */
    static StreamingConfig config(LocalStack stack, Duration checkpointInterval, PiiSettings pii) throws IOException {
        Path checkpoints = stack.config().flinkDir().resolve("checkpoints");
        Path secrets = stack.config().flinkDir().resolve("secrets");
        return StreamingConfig.defaults()
                .withKafkaBootstrap(stack.kafkaBootstrapServers())
                .withCheckpointDir(checkpoints.toUri().toString())
                .withParallelism(stack.config().flinkParallelism())
                .with(StreamingConfig.ES_URL, stack.elasticsearchUrl())
                .with(StreamingConfig.CHECKPOINT_INTERVAL, checkpointInterval)
                .with(StreamingConfig.PII_HMAC_KEY_FILE, writeSecret(secrets.resolve("pii-hmac-key"), pii.hmacKey()))
                .with(StreamingConfig.PII_KEYS_FILE, writeSecret(secrets.resolve("pii-keys"), pii.keys()))
                .with(StreamingConfig.PII_ALLOW_DEMO_KEY, pii.demoAllowed());
    }

    /** Writes {@code value} to {@code file}, readable and writable by the owner only (0600 where POSIX). */
    static String writeSecret(Path file, String value) throws IOException {
        Files.createDirectories(file.getParent());
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        Files.deleteIfExists(file);
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, value, StandardCharsets.UTF_8);
        return file.toAbsolutePath().toString();
    }

    private static StreamExecutionEnvironment environment(LocalStack stack, StreamingConfig config) {
        JobEnvironment environment = JobEnvironment.of(config);
        environment.resumesFrom().ifPresent(chk -> LOG.info("[stack] streaming: resuming from {}", chk));
        // The REST endpoint takes only clients with its certificate (docs/CONTRACT.md §6.8); this process holds it.
        URI rest = stack.flinkRestAddress();
        return environment.remote(rest.getHost(), rest.getPort(), stack.flinkClientConfiguration());
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
