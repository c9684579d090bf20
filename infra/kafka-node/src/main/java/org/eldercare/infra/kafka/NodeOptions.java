package org.eldercare.infra.kafka;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException(arg + ": arguments must look like --name=value");
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String dir = option(given, "dir", null);
        if (dir == null) {
            throw new IllegalArgumentException("dir: required (--dir=DIR or -Deldercare.kafka.dir=DIR)");
        }
        return new NodeOptions(
                Path.of(dir).toAbsolutePath(),
                port(given, "port", 9092),
                port(given, "controller-port", 9093),
                Boolean.parseBoolean(option(given, "exit-on-stdin-eof", "false")));
    }

    private static String option(Map<String, String> given, String name, String fallback) {
        return given.getOrDefault(name, System.getProperty("eldercare.kafka." + name, fallback));
    }

    private static int port(Map<String, String> given, String name, int fallback) {
        String value = option(given, name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a port number between 1 and 65535, was " + value);
        }
    }
}
