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
 *   <li>{@code port}: the client port on {@code host} (default 9092); PLAINTEXT, or SASL_PLAINTEXT when secured,
 *       or SASL_SSL when secured with {@code ssl-keystore}
 *   <li>{@code host}: the address the client port listens on (default 127.0.0.1; 0.0.0.0 opens it to the network,
 *       and the node then advertises this machine's address)
 *   <li>{@code controller-port}: the KRaft controller port, always on 127.0.0.1 (default 9093)
 *   <li>{@code super-user-password-file}: when set, the node is secured (docs/CONTRACT.md §6.6): clients must
 *       authenticate with SCRAM-SHA-512, the {@code StandardAuthorizer} checks ACLs (none means denied), and {@code
 *       super-user} is created with the password in this file (never on a command line). Unset: open, as
 *       {@code ./eldercare up} runs it.
 *   <li>{@code super-user}: the platform's super user when secured (default {@code admin})
 *   <li>{@code ssl-keystore}: with {@code super-user-password-file} only: a PKCS12 key store with the node's key and
 *       certificate and the CA that signed it (as a trusted entry: the node connects to itself over TLS); the
 *       client listener is then SASL_SSL. Its password is in {@code ssl-keystore-password-file}
 *   <li>{@code exit-on-stdin-eof}: stop when stdin closes, i.e. when the launching process dies (default false)
 * </ul>
 */
record NodeOptions(
        Path dir,
        int port,
        int controllerPort,
        String host,
        String superUser,
        Path superUserPasswordFile,
        Path sslKeystore,
        Path sslKeystorePasswordFile,
        boolean exitOnStdinEof) {

    Path dataDir() {
        return dir.resolve("data");
    }

    Path logsDir() {
        return dir.resolve("logs");
    }

    boolean secured() {
        return superUserPasswordFile != null;
    }

    /** The client listener is SASL_SSL. */
    boolean tls() {
        return sslKeystore != null;
    }

    static NodeOptions parse(String[] args) {
        NodeArguments given = NodeArguments.parse(args, "eldercare.kafka.");
        String passwordFile = given.option("super-user-password-file", null);
        String superUser = given.option("super-user", "admin");
        if (!superUser.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException(
                    "super-user: must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -, was '" + superUser + "'");
        }
        Path keystore = pathOrNull(given.option("ssl-keystore", null));
        Path keystorePassword = pathOrNull(given.option("ssl-keystore-password-file", null));
        Path superUserPasswordFile = pathOrNull(passwordFile);
        if (keystore != null && superUserPasswordFile == null) {
            throw new IllegalArgumentException(
                    "ssl-keystore: needs super-user-password-file (the listener is SASL_SSL)");
        }
        if ((keystore == null) != (keystorePassword == null)) {
            throw new IllegalArgumentException("ssl-keystore and ssl-keystore-password-file: set both or neither");
        }
        String host = given.option("host", "127.0.0.1");
        if (!host.matches("[0-9.]{7,15}")) {
            throw new IllegalArgumentException("host: must be an IPv4 address such as 127.0.0.1, was '" + host + "'");
        }
        return new NodeOptions(
                Path.of(given.required("dir")).toAbsolutePath(),
                given.port("port", 9092),
                given.port("controller-port", 9093),
                host,
                superUser,
                superUserPasswordFile,
                keystore,
                keystorePassword,
                given.exitOnStdinEof());
    }

    private static Path pathOrNull(String path) {
        return path == null || path.isBlank() ? null : Path.of(path).toAbsolutePath();
    }
}
