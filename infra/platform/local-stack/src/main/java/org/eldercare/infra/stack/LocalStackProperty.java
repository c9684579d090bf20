package org.eldercare.infra.stack;

/**
 * Every configuration key of the local stack, with its default and what it means. {@link LocalStackConfig#from}
 * reads them; {@code infra/README.md} lists them for people.
 */
public enum LocalStackProperty {
    DATA_DIR("eldercare.data-dir", "data", "Root of all stack state: kafka/, elasticsearch/ and flink/ live under it."),
    KAFKA_PORT("eldercare.kafka.port", "9092", "Kafka client (PLAINTEXT) port on 127.0.0.1."),
    KAFKA_CONTROLLER_PORT("eldercare.kafka.controller-port", "9093", "Kafka KRaft controller port on 127.0.0.1."),
    KAFKA_HEAP("eldercare.kafka.heap", "512m", "Heap (-Xmx) of the Kafka node JVM."),
    ELASTICSEARCH_PORT("eldercare.elasticsearch.port", "9200", "Elasticsearch HTTP port on 127.0.0.1."),
    ELASTICSEARCH_TRANSPORT_PORT(
            "eldercare.elasticsearch.transport-port", "9300", "Elasticsearch transport port on 127.0.0.1."),
    ELASTICSEARCH_HEAP("eldercare.elasticsearch.heap", "768m", "Heap (-Xmx) of the Elasticsearch node JVM."),
    FLINK_REST_PORT("eldercare.flink.rest-port", "8081", "Flink MiniCluster REST/job-submission port on 127.0.0.1."),
    FLINK_TASK_SLOTS("eldercare.flink.task-slots", "4", "Task slots of the MiniCluster's one TaskManager."),
    FLINK_PARALLELISM("eldercare.flink.parallelism", "2", "Default parallelism of jobs built by streamEnvironment()."),
    ROOT("eldercare.root", ".", "Repository root; the prepared node dirs are found under it."),
    KAFKA_NODE_DIR(
            "eldercare.kafka.node-dir",
            "${eldercare.root}/infra/platform/kafka-node/target/node",
            "Directory the build prepared for the Kafka node (lib/*.jar)."),
    ELASTICSEARCH_NODE_DIR(
            "eldercare.elasticsearch.node-dir",
            "${eldercare.root}/infra/platform/elasticsearch-node/target/node",
            "Directory the build prepared for the Elasticsearch node (lib/*.jar, home/)."),
    STARTUP_TIMEOUT_SECONDS(
            "eldercare.stack.startup-timeout-seconds", "180", "How long start() waits for the nodes to be healthy.");

    private final String key;
    private final String defaultValue;
    private final String description;

    LocalStackProperty(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The environment-variable spelling Spring's relaxed binding accepts, e.g. {@code ELDERCARE_KAFKA_PORT}. */
    public String environmentVariable() {
        return key.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
