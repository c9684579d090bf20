package org.eldercare.infra.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The broker configuration of a single combined broker+controller; clients on {@code host} (127.0.0.1 unless opened),
 * the controller on 127.0.0.1. The quorum is static
 * ({@code controller.quorum.voters}), so the ports may change between restarts without reformatting.
 *
 * <p>Secured ({@link NodeOptions#secured()}): the client listener is SASL_PLAINTEXT with SCRAM-SHA-512 and also
 * carries the broker's own inter-broker traffic (transaction markers to itself) as the super user; the controller
 * listener uses SASL/PLAIN with the super user alone, because KRaft controllers cannot check SCRAM (its credentials
 * live in the metadata they serve). KRaft's {@code StandardAuthorizer} denies whatever no ACL allows. With a key store
 * ({@link NodeOptions#tls()}) the client listener is SASL_SSL instead, and the node trusts the CA in its own key store
 * for its connections to itself.
 */
final class ServerProperties {

    static final String SCRAM = "SCRAM-SHA-512";

    private ServerProperties() {}

    static Properties of(NodeOptions options, String superUserPassword) {
        return of(options, superUserPassword, null);
    }

    static Properties of(NodeOptions options, String superUserPassword, String keystorePassword) {
        String client = options.host() + ":" + options.port();
        String advertised = advertisedHost(options.host()) + ":" + options.port();
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + options.controllerPort());
        props.setProperty("controller.listener.names", "CONTROLLER");
        if (options.secured()) {
            String listener = options.tls() ? "SASL_SSL" : "SASL_PLAINTEXT";
            props.setProperty(
                    "listeners", listener + "://" + client + ",CONTROLLER://127.0.0.1:" + options.controllerPort());
            props.setProperty("advertised.listeners", listener + "://" + advertised);
            props.setProperty(
                    "listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:SASL_PLAINTEXT");
            props.setProperty("inter.broker.listener.name", listener);
            props.setProperty("sasl.enabled.mechanisms", SCRAM);
            props.setProperty("sasl.mechanism.inter.broker.protocol", SCRAM);
            if (options.tls()) {
                props.setProperty("ssl.keystore.type", "PKCS12");
                props.setProperty("ssl.keystore.location", options.sslKeystore().toString());
                props.setProperty("ssl.keystore.password", keystorePassword);
                props.setProperty("ssl.key.password", keystorePassword);
                props.setProperty("ssl.truststore.type", "PKCS12");
                props.setProperty(
                        "ssl.truststore.location", options.sslKeystore().toString());
                props.setProperty("ssl.truststore.password", keystorePassword);
            }
            props.setProperty(
                    "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + options.superUser()
                            + "\" password=\"" + jaas(superUserPassword) + "\";");
            props.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
            props.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
            props.setProperty(
                    "listener.name.controller.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                            + options.superUser() + "\" password=\"" + jaas(superUserPassword) + "\" user_"
                            + options.superUser() + "=\"" + jaas(superUserPassword) + "\";");
            props.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            props.setProperty("super.users", "User:" + options.superUser());
            props.setProperty("allow.everyone.if.no.acl.found", "false");
        } else {
            props.setProperty(
                    "listeners", "PLAINTEXT://" + client + ",CONTROLLER://127.0.0.1:" + options.controllerPort());
            props.setProperty("advertised.listeners", "PLAINTEXT://" + advertised);
            props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        }
        props.setProperty("log.dirs", options.dataDir().toString());
        // One node: every internal topic has exactly one replica.
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "4");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "4");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        props.setProperty("num.partitions", "1");
        return props;
    }

    /** A wildcard is no address to hand a client: advertise this machine's own then. */
    private static String advertisedHost(String host) {
        if (!host.equals("0.0.0.0")) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("host 0.0.0.0: cannot find this machine's address to advertise", e);
        }
    }

    /** The key store's password from its file, or null without TLS. */
    static String keystorePassword(NodeOptions options) throws IOException {
        if (!options.tls()) {
            return null;
        }
        String password = Files.readString(options.sslKeystorePasswordFile(), StandardCharsets.UTF_8)
                .strip();
        if (password.isEmpty()) {
            throw new IllegalArgumentException("ssl-keystore-password-file: must hold a password, "
                    + options.sslKeystorePasswordFile() + " is empty");
        }
        return password;
    }

    /** The super user's password from its file; the trailing newline of a secret file is not part of it. */
    static String superUserPassword(NodeOptions options) throws IOException {
        if (!options.secured()) {
            return null;
        }
        String password = Files.readString(options.superUserPasswordFile(), StandardCharsets.UTF_8)
                .strip();
        if (password.isEmpty()) {
            throw new IllegalArgumentException(
                    "super-user-password-file: must hold a password, " + options.superUserPasswordFile() + " is empty");
        }
        return password;
    }

    /** Writes the file, readable by its owner only when it holds the super user's password. */
    static Path write(NodeOptions options, String superUserPassword, String keystorePassword) throws IOException {
        Path file = options.dir().resolve("server.properties");
        Files.deleteIfExists(file);
        Files.createFile(file);
        if (options.secured()
                && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            of(options, superUserPassword, keystorePassword)
                    .store(out, "written by KafkaNodeMain at every start; edit NodeOptions, not this file");
        }
        return file;
    }

    private static String jaas(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
