package org.eldercare.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.eldercare.infra.stack.LocalStackConfig;
import org.eldercare.infra.stack.LocalStackProperty;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The local profile (public demo tokens) listens on loopback only: the API ({@code server.address}) and, through the
 * same {@code eldercare.bind-address}, every embedded node. Opening it is one deliberate setting.
 */
class LocalProfileBindAddressTest {

    @Test
    void theLocalProfileBindsTheApiAndTheNodesToLoopbackByDefault() throws Exception {
        StandardEnvironment env = localProfile(Map.of());

        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(LocalStackConfig.from(env::getProperty).bindAddress()).isEqualTo("127.0.0.1");
        assertThat(LocalStackConfig.from(env::getProperty).loopbackOnly()).isTrue();
    }

    @Test
    void oneSettingOpensTheApiAndTheNodesDeliberately() throws Exception {
        StandardEnvironment env = localProfile(Map.of(LocalStackProperty.BIND_ADDRESS.key(), "0.0.0.0"));

        assertThat(env.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(LocalStackConfig.from(env::getProperty).bindAddress()).isEqualTo("0.0.0.0");
    }

    /** application-local.yml as Spring reads it, under whatever the command line or environment sets. */
    private static StandardEnvironment localProfile(Map<String, Object> given) throws Exception {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("given", given));
        new YamlPropertySourceLoader()
                .load("application-local", new ClassPathResource("application-local.yml"))
                .forEach(source -> env.getPropertySources().addLast(source));
        return env;
    }
}
