package org.eldercare.infra.kafka;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The broker configuration of a single combined broker+controller on 127.0.0.1. The quorum is static
 * ({@code controller.quorum.voters}), so the ports may change between restarts without reformatting.
 */
final class ServerProperties {

    private ServerProperties() {}

    static Properties of(NodeOptions options) {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + options.controllerPort());
        props.setProperty(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + options.port() + ",CONTROLLER://127.0.0.1:" + options.controllerPort());
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + options.port());
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
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

    static Path write(NodeOptions options) throws IOException {
        Path file = options.dir().resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            of(options).store(out, "written by KafkaNodeMain at every start; edit NodeOptions, not this file");
        }
        return file;
    }
}
