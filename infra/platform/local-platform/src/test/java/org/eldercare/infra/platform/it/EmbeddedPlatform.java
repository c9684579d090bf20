package org.eldercare.infra.platform.it;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eldercare.infra.stack.LocalStackConfig;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The properties that run the app in-process on its own embedded stack: free ports, a fresh data dir, no simulator. */
public final class EmbeddedPlatform {

    private EmbeddedPlatform() {}

    public static void register(DynamicPropertyRegistry registry, String name) throws Exception {
        Path dataDir = Files.createTempDirectory("eldercare-" + name);
        registry.add("eldercare.local-stack.enabled", () -> "true");
        registry.add("eldercare.platform.initialize", () -> "true");
        registry.add("eldercare.simulator.enabled", () -> "false");
        LocalStackConfig.forTests(dataDir).placement().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("eldercare.streaming.checkpoint-interval", () -> "PT1S");
        registry.add("eldercare.status.settle", () -> "PT3S");
    }
}
