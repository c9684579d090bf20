package org.eldercare.infra.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.eldercare.infra.node.ParentWatch;

/**
 * Runs one Kafka KRaft node (broker and controller in one process) on 127.0.0.1 (or the {@code host} option). The storage under
 * {@code <dir>/data} is formatted on the first start only, so topics survive restarts. Logs go to
 * {@code <dir>/logs/server.log}. SIGTERM (or stdin EOF with {@code --exit-on-stdin-eof=true}) shuts the broker down
 * cleanly through Kafka's own shutdown hook. See {@link NodeOptions} for the options.
 */
public final class KafkaNodeMain {

    private KafkaNodeMain() {}

    public static void main(String[] args) throws Exception {
        NodeOptions options = NodeOptions.parse(args);
        Files.createDirectories(options.dataDir());
        Files.createDirectories(options.logsDir());
        // Before any logger exists: log4j2 reads these once.
        System.setProperty("kafka.logs.dir", options.logsDir().toString());
        System.setProperty("log4j2.configurationFile", "kafka-node-log4j2.xml");

        String superUserPassword = ServerProperties.superUserPassword(options);
        Path serverProperties =
                ServerProperties.write(options, superUserPassword, ServerProperties.keystorePassword(options));
        formatOnce(options, serverProperties, superUserPassword);
        if (options.exitOnStdinEof()) {
            ParentWatch.exitWhenStdinCloses();
        }
        System.out.printf(
                "kafka node starting on %s:%d (controller 127.0.0.1:%d)%s%n",
                options.host(),
                options.port(),
                options.controllerPort(),
                options.secured()
                        ? ", " + (options.tls() ? "SASL_SSL" : "SASL_PLAINTEXT")
                                + " SCRAM-SHA-512 with ACLs, super user " + options.superUser()
                        : "");
        // Blocks until shutdown, then exits the JVM.
        Kafka.main(new String[] {serverProperties.toString()});
    }

    private static void formatOnce(NodeOptions options, Path serverProperties, String superUserPassword) {
        if (Files.exists(options.dataDir().resolve("meta.properties"))) {
            return;
        }
        List<String> format = new ArrayList<>(List.of(
                "format", "-t", Uuid.randomUuid().toString(), "-c", serverProperties.toString(), "--ignore-formatted"));
        if (options.secured()) {
            // The super user's SCRAM credential must exist before the broker starts: it is how the broker reaches
            // itself. Every other user is created later through the Admin API.
            format.add("--add-scram");
            format.add(ServerProperties.SCRAM + "=[name=" + options.superUser() + ",password=\"" + superUserPassword
                    + "\"]");
        }
        // execute(), unlike main(), returns instead of exiting the JVM; these arguments never leave this process.
        int status = StorageTool.execute(format.toArray(String[]::new), System.out);
        if (status != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + options.dataDir() + " failed: " + status);
        }
    }
}
