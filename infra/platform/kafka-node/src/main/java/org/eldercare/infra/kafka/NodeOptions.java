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
 *   <li>{@code port}: the client port on 127.0.0.1 (default 9092); PLAINTEXT, or SASL_PLAINTEXT when secured
 *   <li>{@code controller-port}: the KRaft controller port on 127.0.0.1 (default 9093)
 *   <li>{@code super-user-password-file}: when set, the node is secured (docs/CONTRACT.md §6.6): clients must
 *       authenticate with SCRAM-SHA-512, the {@code StandardAuthorizer} checks ACLs (none means denied), and {@code
 *       super-user} is created with the password in this file (never on a command line). Unset: open, as
 *       {@code ./eldercare up} runs it.
 *   <li>{@code super-user}: the platform's super user when secured (default {@code admin})
 *   <li>{@code exit-on-stdin-eof}: stop when stdin closes, i.e. when the launching process dies (default false)
 * </ul>
 */
record NodeOptions(
        Path dir, int port, int controllerPort, String superUser, Path superUserPasswordFile, boolean exitOnStdinEof) {

    Path dataDir() {
        return dir.resolve("data");
    }

    Path logsDir() {
        return dir.resolve("logs");
    }

    boolean secured() {
        return superUserPasswordFile != null;
    }

    static NodeOptions parse(String[] args) {
        NodeArguments given = NodeArguments.parse(args, "eldercare.kafka.");
        String passwordFile = given.option("super-user-password-file", null);
        String superUser = given.option("super-user", "admin");
        if (!superUser.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException(
                    "super-user: must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -, was '" + superUser + "'");
        }
        return new NodeOptions(
                Path.of(given.required("dir")).toAbsolutePath(),
                given.port("port", 9092),
                given.port("controller-port", 9093),
                superUser,
                passwordFile == null || passwordFile.isBlank()
                        ? null
                        : Path.of(passwordFile).toAbsolutePath(),
                given.exitOnStdinEof());
    }
}
