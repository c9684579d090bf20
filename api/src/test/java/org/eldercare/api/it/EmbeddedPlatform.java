package org.eldercare.api.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The properties that run the app in-process on its own embedded stack: free ports, a fresh data dir, no simulator. */
public final class EmbeddedPlatform {

    private EmbeddedPlatform() {}

    public static void register(DynamicPropertyRegistry registry, String name) throws Exception {
        int[] ports = FreePorts.take(5);
        Path dataDir = Files.createTempDirectory("eldercare-" + name);
        registry.add("eldercare.local-stack.enabled", () -> "true");
        registry.add("eldercare.platform.initialize", () -> "true");
        registry.add("eldercare.simulator.enabled", () -> "false");
        registry.add("eldercare.data-dir", dataDir::toString);
        registry.add("eldercare.kafka.port", () -> ports[0]);
        registry.add("eldercare.kafka.controller-port", () -> ports[1]);
        registry.add("eldercare.elasticsearch.port", () -> ports[2]);
        registry.add("eldercare.elasticsearch.transport-port", () -> ports[3]);
        registry.add("eldercare.flink.rest-port", () -> ports[4]);
        registry.add("eldercare.streaming.checkpoint-interval", () -> "PT1S");
        registry.add("eldercare.status.settle", () -> "PT3S");
    }
}
