package org.eldercare.infra.kafka;

import java.nio.file.Path;
import org.eldercare.infra.node.NodeArguments;

/**
 * The launch options of a Kafka node. Each option comes from a {@code --name=value} argument, else from the system
 * property {@code eldercare.kafka.<name>}, else from its default.
 *
 * <ul>
 *   <li>{@code dir}: the node's own directory; it holds {@code data/} (log.dirs), {@code logs/} and
 *       {@code server.properties} (required)
 *   <li>{@code port}: the client (PLAINTEXT) port on 127.0.0.1 (default 9092)
 *   <li>{@code controller-port}: the KRaft controller port on 127.0.0.1 (default 9093)
 *   <li>{@code exit-on-stdin-eof}: stop when stdin closes, i.e. when the launching process dies (default false)
 * </ul>
 */
record NodeOptions(Path dir, int port, int controllerPort, boolean exitOnStdinEof) {

    Path dataDir() {
        return dir.resolve("data");
    }

    Path logsDir() {
        return dir.resolve("logs");
    }

    static NodeOptions parse(String[] args) {
        NodeArguments given = NodeArguments.parse(args, "eldercare.kafka.");
        return new NodeOptions(
                Path.of(given.required("dir")).toAbsolutePath(),
                given.port("port", 9092),
                given.port("controller-port", 9093),
                given.exitOnStdinEof());
    }
}
