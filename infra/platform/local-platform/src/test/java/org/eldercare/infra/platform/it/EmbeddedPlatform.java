package org.eldercare.infra.platform.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eldercare.infra.stack.LocalStackConfig;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The properties that run the app in-process on its own embedded stack: free ports, a fresh data dir, no simulator.
 * {@link SharedPlatform} starts one such platform for every IT class that can share it; a class that needs a
 * platform of its own registers these with {@link #register}.
 */
public final class EmbeddedPlatform {

    private EmbeddedPlatform() {}

    public static void register(DynamicPropertyRegistry registry, String name) throws Exception {
        properties(name).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The settings of one embedded platform whose data dir is a fresh temporary dir named after {@code name}. */
    static Map<String, String> properties(String name) throws IOException {
        Path dataDir = Files.createTempDirectory("eldercare-" + name);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("eldercare.local-stack.enabled", "true");
        properties.put("eldercare.platform.initialize", "true");
        properties.put("eldercare.simulator.enabled", "false");
        properties.putAll(LocalStackConfig.forTests(dataDir).placement());
        properties.put("eldercare.streaming.checkpoint-interval", "PT1S");
        properties.put("eldercare.status.settle", "PT3S");
        return properties;
    }
}
