package org.eldercare.infra.stack;

import static org.eldercare.infra.stack.LocalStackProperty.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;

/**
 * Typed configuration of the local stack. Each component has a {@link LocalStackProperty} setting with a default; build
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
        Duration startupTimeout,
        String bindAddress) {

    public LocalStackConfig {
        Objects.requireNonNull(dataDir, DATA_DIR.key());
        dataDir = dataDir.toAbsolutePath().normalize();
        kafkaNodeDir = kafkaNodeDir.toAbsolutePath().normalize();
        esNodeDir = esNodeDir.toAbsolutePath().normalize();
        BIND_ADDRESS.check(bindAddress);
        FLINK_TASK_SLOTS.check(flinkTaskSlots);
        FLINK_PARALLELISM.check(flinkParallelism);
        List<Integer> ports = List.of(kafkaPort, kafkaControllerPort, esHttpPort, esTransportPort, flinkRestPort);
        Map<Integer, Setting<Integer>> seen = new HashMap<>();
        for (int i = 0; i < PORTS.size(); i++) {
            Setting<Integer> port = PORTS.get(i);
            port.check(ports.get(i));
            Setting<Integer> other = seen.putIfAbsent(ports.get(i), port);
            if (other != null) {
                throw new IllegalArgumentException(
                        port.key() + ": must differ from " + other.key() + ", both are " + ports.get(i));
            }
        }
    }

    /** Reads every key through {@code lookup}; a null answer means "use the default". */
    public static LocalStackConfig from(Function<String, String> lookup) {
        return from(Settings.from(lookup));
    }

    /** Reads every key from {@code settings}; {@code ${eldercare.root}} in a node dir is the {@link #ROOT} read. */
    public static LocalStackConfig from(Settings settings) {
        String root = settings.get(ROOT);
        Function<Setting<String>, Path> nodeDir = p -> Path.of(settings.get(p).replace("${eldercare.root}", root));
        return new LocalStackConfig(
                Path.of(settings.get(DATA_DIR)),
                settings.get(KAFKA_PORT),
                settings.get(KAFKA_CONTROLLER_PORT),
                settings.get(KAFKA_HEAP),
                settings.get(ELASTICSEARCH_PORT),
                settings.get(ELASTICSEARCH_TRANSPORT_PORT),
                settings.get(ELASTICSEARCH_HEAP),
                settings.get(FLINK_REST_PORT),
                settings.get(FLINK_TASK_SLOTS),
                settings.get(FLINK_PARALLELISM),
                nodeDir.apply(KAFKA_NODE_DIR),
                nodeDir.apply(ELASTICSEARCH_NODE_DIR),
                Duration.ofSeconds(settings.get(STARTUP_TIMEOUT_SECONDS)),
                settings.get(BIND_ADDRESS));
    }

    /** System properties first, then environment variables in Spring's spelling ({@code ELDERCARE_DATADIR}). */
    public static LocalStackConfig fromSystemProperties() {
        return from(Settings.systemProperties()
                .orElse(Settings.environment(LocalStackProperty.ALL, Setting::springEnvName, System::getenv)));
    }

    /** Default ports and settings, the given data dir, node dirs found from the {@code eldercare.root} property. */
    public static LocalStackConfig defaults(Path dataDir) {
        return from(key -> key.equals(DATA_DIR.key()) ? dataDir.toString() : System.getProperty(key));
    }

    /**
     * A port free now that is none of this stack's: for a process beside the stack (the cluster mode's API). A port
     * picked on its own may be one of the stack's, picked free a moment before and not yet bound by its node.
     */
    public int freePortBeside() {
        List<Integer> ours = List.of(kafkaPort, kafkaControllerPort, esHttpPort, esTransportPort, flinkRestPort);
        while (true) {
            int port = Ports.freePorts(1)[0];
            if (!ours.contains(port)) {
                return port;
            }
        }
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
        placement.put(BIND_ADDRESS.key(), bindAddress);
        return placement;
    }

    /** Whether the stack listens on loopback only (the default), i.e. is not open to the network. */
    public boolean loopbackOnly() {
        return bindAddress.startsWith("127.");
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
}
