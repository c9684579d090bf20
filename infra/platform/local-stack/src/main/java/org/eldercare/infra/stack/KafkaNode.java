package org.eldercare.infra.stack;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** The Kafka KRaft node child JVM, and its health as a client sees it. */
final class KafkaNode implements AutoCloseable {

    private final LocalStackConfig config;
    private NodeProcess process;
    private Admin admin;

    KafkaNode(LocalStackConfig config) {
        this.config = config;
    }

    void launch() throws IOException {
        process = NodeProcess.launch(
                "kafka",
                config.kafkaNodeDir(),
                "org.eldercare.infra.kafka.KafkaNodeMain",
                NodeProcess.commonJvmOptions(config.kafkaHeap()),
                List.of(
                        "--dir=" + config.kafkaDir(),
                        "--port=" + config.kafkaPort(),
                        "--controller-port=" + config.kafkaControllerPort(),
                        "--host=" + config.bindAddress()),
                config.kafkaDir().resolve("logs").resolve("console.log"));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + config.kafkaPort();
    }

    NodeProcess process() {
        return process;
    }

    /** The broker answers a cluster description within two seconds. */
    boolean healthy() {
        if (process == null || !process.isAlive() || !Ports.listening(config.kafkaPort())) {
            return false;
        }
        try {
            return !admin().describeCluster(new DescribeClusterOptions().timeoutMs(2000))
                    .nodes()
                    .get(3, TimeUnit.SECONDS)
                    .isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    bootstrapServers(),
                    AdminClientConfig.CLIENT_ID_CONFIG,
                    "eldercare-stack-health",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    3000));
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
        if (process != null) {
            process.stop();
        }
    }
}
