package org.eldercare.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eldercare.infra.stack.SelfSignedTls;
import org.eldercare.ingest.kafka.KafkaClientSecurity;

/**
 * A real Kafka 4 KRaft node in a child JVM, launched from the directory the build prepared ({@code
 * infra/platform/kafka-node/target/node}) on free ports, secured: SASL_PLAINTEXT with SCRAM-SHA-512, KRaft's
 * StandardAuthorizer, and a super user {@code admin} whose random password reaches the node in a file, never on its
 * command line (docs/CONTRACT.md §6.6). {@code ./eldercare up} runs the same node open. {@link #securedOverTlsStarted}
 * makes the client listener SASL_SSL with a key and certificate for 127.0.0.1 made at test time ({@link
 * SelfSignedTls}); its clients then need {@link #truststore()}.
 */
final class KafkaTestNode implements AutoCloseable {

    static final String SUPER_USER = "admin";
    private static final Duration STARTUP = Duration.ofSeconds(300);

    private final Path nodeDir;
    private final Path dir;
    private final int port = ChildJvm.freePort();
    private final int controllerPort = ChildJvm.freePort();
    private final String superUserPassword = randomPassword();
    private final SelfSignedTls.Material tls;
    private Process process;

    private KafkaTestNode(Path dir, boolean tls) {
        String root = System.getProperty("eldercare.root", "../..");
        this.nodeDir = Path.of(root, "infra", "platform", "kafka-node", "target", "node")
                .toAbsolutePath()
                .normalize();
        this.dir = dir;
        this.tls = tls ? SelfSignedTls.generate(dir.resolve("tls"), "kafka") : null;
    }

    static KafkaTestNode securedStarted(Path dir) throws Exception {
        KafkaTestNode node = new KafkaTestNode(dir, false);
        node.start();
        return node;
    }

    /** SASL_SSL with SCRAM and ACLs; clients trust the node's certificate through {@link #truststore()}. */
    static KafkaTestNode securedOverTlsStarted(Path dir) throws Exception {
        KafkaTestNode node = new KafkaTestNode(dir, true);
        node.start();
        return node;
    }

    /** The key and trust stores of the TLS listener, or null without TLS. */
    SelfSignedTls.Material tls() {
        return tls;
    }

    /** How {@code user} authenticates here: SCRAM, over TLS trusting the node's certificate when it has one. */
    KafkaClientSecurity as(String user, String password) {
        KafkaClientSecurity scram = KafkaClientSecurity.scram(user, password);
        return tls == null ? scram : scram.overTls(tls.truststore(), tls.password(), "PKCS12");
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The platform's super user, as a client authenticates. */
    KafkaClientSecurity superUser() {
        return as(SUPER_USER, superUserPassword);
    }

    /** An admin client authenticating as {@code security}; the caller closes it. */
    Admin admin(KafkaClientSecurity security) {
        return admin(security, bootstrapServers());
    }

    /** An admin client of {@code bootstrap} (e.g. this node by another name) as {@code security}. */
    Admin admin(KafkaClientSecurity security, String bootstrap) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        return Admin.create(config);
    }

    private void start() throws Exception {
        if (!Files.isDirectory(nodeDir.resolve("lib"))) {
            throw new IllegalStateException(nodeDir + "/lib is missing: build infra/platform/kafka-node first");
        }
        Files.createDirectories(dir.resolve("tmp"));
        Path passwordFile = dir.resolve("super-user.password");
        Files.writeString(passwordFile, superUserPassword + "\n");
        List<String> command = ChildJvm.javaCommand("512m", dir.resolve("tmp"));
        command.addAll(List.of(
                "-cp",
                nodeDir.resolve("lib") + File.separator + "*",
                "org.eldercare.infra.kafka.KafkaNodeMain",
                "--dir=" + dir,
                "--port=" + port,
                "--controller-port=" + controllerPort,
                "--super-user=" + SUPER_USER,
                "--super-user-password-file=" + passwordFile,
                "--exit-on-stdin-eof=true"));
        if (tls != null) {
            Path keystorePassword = dir.resolve("tls").resolve("keystore.password");
            Files.writeString(keystorePassword, tls.password() + "\n");
            command.add("--ssl-keystore=" + tls.keystore());
            command.add("--ssl-keystore-password-file=" + keystorePassword);
        }
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("console.log").toFile()))
                .start();
        awaitReady();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        try (Admin admin = admin(superUser())) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "Kafka exited with " + process.exitValue() + ", see " + dir.resolve("console.log"));
                }
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(3, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(300);
                }
            }
        }
        throw new IllegalStateException("Kafka not ready within " + STARTUP + ", see " + dir.resolve("logs"));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() throws InterruptedException {
        ChildJvm.stop(process);
    }
}
