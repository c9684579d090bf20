package org.eldercare.infra.stack;

import static org.eldercare.infra.stack.LocalStackProperty.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Typed configuration of the local stack. Each component has a {@link LocalStackProperty} key with a default; build
 * one with {@link #from(Function)} (e.g. {@code from(springEnvironment::getProperty)}), {@link
 * #fromSystemProperties()}, {@link #defaults(Path)} or {@link #forTests(Path)}. Ports must be distinct; all state
 * lives under {@code dataDir}.
 */
public record LocalStackConfig(
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        String kafkaHeap,
        int esHttpPort,
        int esTransportPort,
        String esHeap,
        int flinkRestPort,
        int flinkTaskSlots,
        int flinkParallelism,
        Path kafkaNodeDir,
        Path esNodeDir,
        Duration startupTimeout) {

    public LocalStackConfig {
        Objects.requireNonNull(dataDir, DATA_DIR.key());
        dataDir = dataDir.toAbsolutePath().normalize();
        kafkaNodeDir = kafkaNodeDir.toAbsolutePath().normalize();
        esNodeDir = esNodeDir.toAbsolutePath().normalize();
        requirePositive(FLINK_TASK_SLOTS, flinkTaskSlots);
        requirePositive(FLINK_PARALLELISM, flinkParallelism);
        requireDistinctPorts(Map.of(
                KAFKA_PORT, kafkaPort,
                KAFKA_CONTROLLER_PORT, kafkaControllerPort,
                ELASTICSEARCH_PORT, esHttpPort,
                ELASTICSEARCH_TRANSPORT_PORT, esTransportPort,
                FLINK_REST_PORT, flinkRestPort));
    }

    /** Reads every key through {@code lookup}; a null answer means "use the default". */
    public static LocalStackConfig from(Function<String, String> lookup) {
        Function<LocalStackProperty, String> value =
                p -> Objects.requireNonNullElse(lookup.apply(p.key()), p.defaultValue());
        Path root = Path.of(value.apply(ROOT));
        Function<LocalStackProperty, Path> nodeDir =
                p -> Path.of(value.apply(p).replace("${eldercare.root}", root.toString()));
        return new LocalStackConfig(
                Path.of(value.apply(DATA_DIR)),
                port(KAFKA_PORT, value.apply(KAFKA_PORT)),
                port(KAFKA_CONTROLLER_PORT, value.apply(KAFKA_CONTROLLER_PORT)),
                value.apply(KAFKA_HEAP),
                port(ELASTICSEARCH_PORT, value.apply(ELASTICSEARCH_PORT)),
                port(ELASTICSEARCH_TRANSPORT_PORT, value.apply(ELASTICSEARCH_TRANSPORT_PORT)),
                value.apply(ELASTICSEARCH_HEAP),
                port(FLINK_REST_PORT, value.apply(FLINK_REST_PORT)),
                integer(FLINK_TASK_SLOTS, value.apply(FLINK_TASK_SLOTS)),
                integer(FLINK_PARALLELISM, value.apply(FLINK_PARALLELISM)),
                nodeDir.apply(KAFKA_NODE_DIR),
                nodeDir.apply(ELASTICSEARCH_NODE_DIR),
                Duration.ofSeconds(integer(STARTUP_TIMEOUT_SECONDS, value.apply(STARTUP_TIMEOUT_SECONDS))));
    }

    /** System properties first, then environment variables in Spring's spelling ({@code ELDERCARE_DATADIR}). */
    public static LocalStackConfig fromSystemProperties() {
        Map<String, String> envByKey = new HashMap<>();
        for (LocalStackProperty p : LocalStackProperty.values()) {
            String env = System.getenv(p.environmentVariable());
            if (env != null) {
                envByKey.put(p.key(), env);
            }
        }
        return from(key -> System.getProperty(key, envByKey.get(key)));
    }

    /** Default ports and settings, the given data dir, node dirs found from the {@code eldercare.root} property. */
    public static LocalStackConfig defaults(Path dataDir) {
        return from(key -> key.equals(DATA_DIR.key()) ? dataDir.toString() : System.getProperty(key));
    }

    /** Like {@link #defaults(Path)} but on free ports picked now, so tests never collide with a running stack. */
    public static LocalStackConfig forTests(Path dataDir) {
        return onPorts(dataDir, Ports.freePorts(5));
    }

    /** The defaults with the data dir and the five ports (Kafka, controller, ES HTTP, ES transport, Flink REST) given. */
    static LocalStackConfig onPorts(Path dataDir, int[] ports) {
        Map<String, String> given = new HashMap<>();
        given.put(KAFKA_PORT.key(), Integer.toString(ports[0]));
        given.put(KAFKA_CONTROLLER_PORT.key(), Integer.toString(ports[1]));
        given.put(ELASTICSEARCH_PORT.key(), Integer.toString(ports[2]));
        given.put(ELASTICSEARCH_TRANSPORT_PORT.key(), Integer.toString(ports[3]));
        given.put(FLINK_REST_PORT.key(), Integer.toString(ports[4]));
        given.put(DATA_DIR.key(), dataDir.toString());
        return from(key -> given.getOrDefault(key, System.getProperty(key)));
    }

    /**
     * The properties that place this stack: its data dir and ports. Handing them to the app (as Spring properties or
     * {@code --key=value} arguments) makes it start the same stack.
     */
    public Map<String, String> placement() {
        Map<String, String> placement = new LinkedHashMap<>();
        placement.put(DATA_DIR.key(), dataDir.toString());
        placement.put(KAFKA_PORT.key(), Integer.toString(kafkaPort));
        placement.put(KAFKA_CONTROLLER_PORT.key(), Integer.toString(kafkaControllerPort));
        placement.put(ELASTICSEARCH_PORT.key(), Integer.toString(esHttpPort));
        placement.put(ELASTICSEARCH_TRANSPORT_PORT.key(), Integer.toString(esTransportPort));
        placement.put(FLINK_REST_PORT.key(), Integer.toString(flinkRestPort));
        return placement;
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path elasticsearchDir() {
        return dataDir.resolve("elasticsearch");
    }

    public Path flinkDir() {
        return dataDir.resolve("flink");
    }

    private static int port(LocalStackProperty property, String value) {
        int port = integer(property, value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(property.key() + ": must be a port between 1 and 65535, was " + port);
        }
        return port;
    }

    private static int integer(LocalStackProperty property, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property.key() + ": must be a whole number, was '" + value + "'");
        }
    }

    private static void requirePositive(LocalStackProperty property, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(property.key() + ": must be at least 1, was " + value);
        }
    }

    private static void requireDistinctPorts(Map<LocalStackProperty, Integer> ports) {
        Map<Integer, LocalStackProperty> seen = new HashMap<>();
        ports.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            LocalStackProperty other = seen.putIfAbsent(e.getValue(), e.getKey());
            if (other != null) {
                throw new IllegalArgumentException(
                        e.getKey().key() + ": must differ from " + other.key() + ", both are " + e.getValue());
            }
        });
    }
}
