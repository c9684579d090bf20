package org.eldercare.infra.stack;

import java.util.List;
import org.eldercare.ingest.config.Setting;

/**
 * Every configuration key of the local stack, each a {@link Setting} with its default, meaning and rules. {@link
 * LocalStackConfig#from} reads them; {@code infra/README.md} lists them for people. Each is also an environment
 * variable in Spring's relaxed spelling ({@link Setting#springEnvName()}, e.g. {@code ELDERCARE_KAFKA_PORT}).
 */
public final class LocalStackProperty {

    private static final String PORT_RULE = "must be a port between 1 and 65535";

    public static final Setting<String> DATA_DIR = Setting.text(
            "eldercare.data-dir", "data", "Root of all stack state: kafka/, elasticsearch/ and flink/ live under it.");
    public static final Setting<Integer> KAFKA_PORT = port("eldercare.kafka.port", "9092", "Kafka client (PLAINTEXT)");
    public static final Setting<Integer> KAFKA_CONTROLLER_PORT =
            port("eldercare.kafka.controller-port", "9093", "Kafka KRaft controller");
    public static final Setting<String> KAFKA_HEAP =
            Setting.text("eldercare.kafka.heap", "512m", "Heap (-Xmx) of the Kafka node JVM.");
    public static final Setting<Integer> ELASTICSEARCH_PORT =
            port("eldercare.elasticsearch.port", "9200", "Elasticsearch HTTP");
    public static final Setting<Integer> ELASTICSEARCH_TRANSPORT_PORT =
            port("eldercare.elasticsearch.transport-port", "9300", "Elasticsearch transport");
    public static final Setting<String> ELASTICSEARCH_HEAP =
            Setting.text("eldercare.elasticsearch.heap", "768m", "Heap (-Xmx) of the Elasticsearch node JVM.");
    public static final Setting<Integer> FLINK_REST_PORT =
            port("eldercare.flink.rest-port", "8081", "Flink MiniCluster REST/job-submission");
    public static final Setting<Integer> FLINK_TASK_SLOTS = Setting.integer(
                    "eldercare.flink.task-slots", "4", "Task slots of the MiniCluster's one TaskManager.")
            .rule(n -> n >= 1, "must be at least 1");
    public static final Setting<Integer> FLINK_PARALLELISM = Setting.integer(
                    "eldercare.flink.parallelism", "2", "Default parallelism of jobs built by streamEnvironment().")
            .rule(n -> n >= 1, "must be at least 1");
    public static final Setting<String> ROOT =
            Setting.text("eldercare.root", ".", "Repository root; the prepared node dirs are found under it.");
    public static final Setting<String> KAFKA_NODE_DIR = Setting.text(
            "eldercare.kafka.node-dir",
            "${eldercare.root}/infra/platform/kafka-node/target/node",
            "Directory the build prepared for the Kafka node (lib/*.jar).");
    public static final Setting<String> ELASTICSEARCH_NODE_DIR = Setting.text(
            "eldercare.elasticsearch.node-dir",
            "${eldercare.root}/infra/platform/elasticsearch-node/target/node",
            "Directory the build prepared for the Elasticsearch node (lib/*.jar, home/).");
    public static final Setting<String> BIND_ADDRESS = Setting.text(
                    "eldercare.bind-address",
                    "127.0.0.1",
                    "Address the API and every embedded node (Kafka, Elasticsearch HTTP, Flink REST) listen on."
                            + " 127.0.0.1 keeps them to this machine; 0.0.0.0 (all interfaces) or one interface's"
                            + " address opens them to the network, deliberately: the local profile's tokens are public.")
            .rule(
                    a -> a.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}"),
                    "must be an IPv4 address such as 127.0.0.1 or 0.0.0.0");
    public static final Setting<Integer> STARTUP_TIMEOUT_SECONDS = Setting.integer(
            "eldercare.stack.startup-timeout-seconds", "180", "How long start() waits for the nodes to be healthy.");

    /** Every key, in the order {@code infra/README.md} lists them. */
    public static final List<Setting<?>> ALL = List.of(
            DATA_DIR,
            KAFKA_PORT,
            KAFKA_CONTROLLER_PORT,
            KAFKA_HEAP,
            ELASTICSEARCH_PORT,
            ELASTICSEARCH_TRANSPORT_PORT,
            ELASTICSEARCH_HEAP,
            FLINK_REST_PORT,
            FLINK_TASK_SLOTS,
            FLINK_PARALLELISM,
            ROOT,
            KAFKA_NODE_DIR,
            ELASTICSEARCH_NODE_DIR,
            STARTUP_TIMEOUT_SECONDS,
            BIND_ADDRESS);

    /** The five ports, in the order a clash is reported (the later one must differ from the earlier). */
    public static final List<Setting<Integer>> PORTS = List.of(
            KAFKA_PORT, KAFKA_CONTROLLER_PORT, ELASTICSEARCH_PORT, ELASTICSEARCH_TRANSPORT_PORT, FLINK_REST_PORT);

    private LocalStackProperty() {}

    private static Setting<Integer> port(String key, String defaultText, String what) {
        return Setting.integer(key, defaultText, what + " port on the bind address (127.0.0.1).")
                .rule(p -> p >= 1 && p <= 65535, PORT_RULE);
    }
}
