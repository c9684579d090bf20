package org.eldercare.infra.stack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded platform on one machine: a real Kafka KRaft broker and a real Elasticsearch node, each in a child JVM
 * prepared by the build, and a Flink MiniCluster in this JVM. All state lives under {@link LocalStackConfig#dataDir()},
 * so a restart on the same dir keeps topics and indexes.
 *
 * <p>{@link #start()} fails fast with a {@link PortInUseException} if a port is taken, else returns once every part
 * is healthy. {@link #close()} stops Flink, then Kafka, then Elasticsearch and leaves no process behind; a shutdown
 * hook does the same if the JVM exits first, and the child JVMs exit on their own if this JVM is killed.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final LocalStackConfig config;
    private final KafkaNode kafka;
    private final ElasticsearchNode elasticsearch;
    private final FlinkCluster flink;
    private final Thread shutdownHook = new Thread(this::closeQuietly, "eldercare-stack-shutdown");
    private volatile CompletableFuture<Void> flinkStarting = CompletableFuture.completedFuture(null);
    private volatile boolean started;
    private final AtomicBoolean closed = new AtomicBoolean();

    public LocalStack(LocalStackConfig config) {
        this.config = config;
        this.kafka = new KafkaNode(config);
        this.elasticsearch = new ElasticsearchNode(config);
        this.flink = new FlinkCluster(config);
    }

    /** Starts a stack on {@code config} and returns it running. */
    public static LocalStack start(LocalStackConfig config) {
        LocalStack stack = new LocalStack(config);
        stack.start();
        return stack;
    }

    /** Starts every part and waits until all are healthy; on failure stops what did start and throws. */
    public synchronized void start() {
        if (started || closed.get()) {
            throw new IllegalStateException("this stack was already started; create a new LocalStack to restart");
        }
        started = true;
        long begin = System.nanoTime();
        log.info(
                "[stack] starting in {} (kafka :{}, elasticsearch :{}, flink :{})",
                config.dataDir(),
                config.kafkaPort(),
                config.esHttpPort(),
                config.flinkRestPort());
        requirePortsFree();
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            // Owner-only before any node writes: what they write below follows their umask (docs/CONTRACT.md §6.8).
            for (Path dir :
                    List.of(config.dataDir(), config.kafkaDir(), config.elasticsearchDir(), config.flinkDir())) {
                OwnerOnly.directory(dir);
            }
            StartupWait nodes = new StartupWait(config.startupTimeout(), elasticsearch, kafka);
            nodes.launch();
            // The MiniCluster needs neither node, so it boots while they do.
            long flinkBegin = System.nanoTime();
            flinkStarting = CompletableFuture.runAsync(
                    () -> {
                        try {
                            flink.start();
                        } catch (Exception e) {
                            throw new LocalStackException("flink: MiniCluster failed to start: " + e.getMessage(), e);
                        }
                        log.info(
                                "[stack] flink: MiniCluster started in {}, REST at {}",
                                seconds(flinkBegin),
                                flink.restAddress());
                    },
                    // A new thread inherits our context class loader (e.g. Spring Boot's); pool threads would not.
                    task -> new Thread(task, "eldercare-flink-start").start());
            nodes.await();
            joinFlinkStart();
            log.info(
                    "[stack] ready in {}: kafka {}, elasticsearch {}, flink {}",
                    seconds(begin),
                    kafkaBootstrapServers(),
                    elasticsearchUrl(),
                    flinkRestAddress());
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        } catch (Exception e) {
            closeQuietly();
            throw new LocalStackException("[stack] failed to start: " + e.getMessage(), e);
        }
    }

    private void joinFlinkStart() throws InterruptedException {
        try {
            flinkStarting.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new LocalStackException("flink: " + e.getCause(), e);
        }
    }

    private void requirePortsFree() {
        Ports.requireFree(config.kafkaPort(), LocalStackProperty.KAFKA_PORT);
        Ports.requireFree(config.kafkaControllerPort(), LocalStackProperty.KAFKA_CONTROLLER_PORT);
        Ports.requireFree(config.esHttpPort(), LocalStackProperty.ELASTICSEARCH_PORT);
        Ports.requireFree(config.esTransportPort(), LocalStackProperty.ELASTICSEARCH_TRANSPORT_PORT);
        Ports.requireFree(config.flinkRestPort(), LocalStackProperty.FLINK_REST_PORT);
    }

    public LocalStackConfig config() {
        return config;
    }

    /** {@code 127.0.0.1:<kafka port>}, for {@code bootstrap.servers}. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** {@code http://127.0.0.1:<es port>}, plain HTTP, no security. */
    public String elasticsearchUrl() {
        return elasticsearch.url();
    }

    /**
     * The MiniCluster's REST endpoint ({@code https}, mutual TLS): submit through {@link #streamEnvironment()}, or
     * through {@code StreamExecutionEnvironment.createRemoteEnvironment} with {@link #flinkClientConfiguration()}.
     */
    public URI flinkRestAddress() {
        return flink.restAddress();
    }

    /**
     * The settings a Flink client of {@link #flinkRestAddress()} needs: the checkpoint directories and the client side
     * of the REST endpoint's mutual TLS (docs/CONTRACT.md §6.8). Without them a client is refused.
     */
    public org.apache.flink.configuration.Configuration flinkClientConfiguration() {
        try {
            return flink.clientConfiguration();
        } catch (java.io.IOException e) {
            throw new LocalStackException("flink: cannot create " + config.flinkDir(), e);
        }
    }

    /** TLS (with the client certificate) for a plain HTTP client of {@link #flinkRestAddress()}. */
    public javax.net.ssl.SSLContext flinkRestSslContext() {
        return flink.restSslContext();
    }

    /** The REST endpoint's key and trust stores; tests use them to show who is refused. */
    public SelfSignedTls.Material flinkRestTls() {
        return flink.restTlsMaterial();
    }

    /** The in-process MiniCluster, e.g. to list or cancel jobs. */
    public MiniCluster miniCluster() {
        return flink.miniCluster();
    }

    /**
     * A fresh environment whose jobs run on this stack's MiniCluster, with the configured default parallelism and
     * checkpoints under {@code <dataDir>/flink/checkpoints}. Job classes must be on this JVM's classpath.
     */
    public StreamExecutionEnvironment streamEnvironment() {
        return flink.environment();
    }

    public boolean kafkaHealthy() {
        return kafka.healthy();
    }

    public boolean elasticsearchHealthy() {
        return elasticsearch.healthy();
    }

    public boolean flinkHealthy() {
        return flink.healthy();
    }

    /** Stops the Kafka broker alone, as an outage would; for failure tests. {@link #startKafka()} brings it back. */
    public void stopKafka() {
        kafka.close();
        log.info("[stack] kafka: stopped (outage)");
    }

    /** Starts the Kafka broker again on the same data, and waits until it answers. */
    public void startKafka() {
        long begin = System.nanoTime();
        try {
            kafka.launch();
            long deadline = System.nanoTime() + config.startupTimeout().toNanos();
            while (!kafka.healthy()) {
                if (System.nanoTime() > deadline) {
                    throw new LocalStackException("kafka: not healthy within " + config.startupTimeout());
                }
                Thread.sleep(200);
            }
        } catch (java.io.IOException e) {
            throw new LocalStackException("kafka: restart failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalStackException("kafka: restart interrupted", e);
        }
        log.info("[stack] kafka: restarted in {}", seconds(begin));
    }

    /**
     * Hands the stack's lifecycle to the caller, which promises to call {@link #close()}: a container
     * such as Spring stops its own users of Kafka and Flink first, and a JVM hook racing it would stop
     * the nodes under them.
     */
    public void releaseShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to; it stops the stack.
        }
    }

    /** Stops Flink, then Kafka, then Elasticsearch. Idempotent. */
    @Override
    public void close() {
        // Not synchronized with start(): Ctrl-C during startup must stop the nodes now, which makes start() fail.
        if (closed.getAndSet(true) || !started) {
            return;
        }
        long begin = System.nanoTime();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // Called from the hook itself.
        }
        // A start that failed elsewhere may still be booting the MiniCluster; let it finish so close() sees it.
        flinkStarting.handle((ok, error) -> null).join();
        stopPart("flink", flink);
        stopPart("kafka", kafka);
        stopPart("elasticsearch", elasticsearch);
        log.info("[stack] stopped in {}", seconds(begin));
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            log.warn("[stack] error while stopping", e);
        }
    }

    private static void stopPart(String name, AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            log.warn("[stack] {}: error while stopping", name, e);
        }
    }

    static String seconds(long sinceNanos) {
        return String.format(
                "%.1f s", Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis() / 1000.0);
    }
}
