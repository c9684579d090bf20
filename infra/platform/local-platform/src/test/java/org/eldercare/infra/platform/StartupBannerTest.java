package org.eldercare.infra.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eldercare.api.system.Role;
import org.eldercare.api.system.SecurityProperties;
import org.eldercare.api.system.SecurityProperties.TokenGrant;
import org.eldercare.api.system.TokenRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.mock.env.MockEnvironment;

/** The banner names every principal but prints only the public demo tokens of docs/CONTRACT.md §1. */
class StartupBannerTest {

    @TempDir
    Path dir;

    @Test
    void printsDemoTokensButNeverATokenOfOnesOwn() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "file-token-of-my-own-0123456789 scraper MONITOR\n");
        var registry = new TokenRegistry(new SecurityProperties(
                List.of(
                        new TokenGrant("demo-operator-1", "operator-1", Role.OPERATOR, "op-1", null),
                        new TokenGrant("my-own-env-token-0123456789", "hotline-2", Role.HOTLINE, null, null)),
                null,
                true,
                file));
        var env = new MockEnvironment()
                .withProperty("local.server.port", "18080")
                .withProperty("eldercare.data-dir", "/d");

        String text = new StartupBanner(env, registry)
                .text(new ApplicationReadyEvent(new SpringApplication(), new String[0], null, Duration.ofSeconds(2)));

        assertThat(text)
                .contains("http://127.0.0.1:18080/")
                .containsPattern("demo-operator-1 +operator-1 +OPERATOR +op-1")
                .containsPattern("\\(not shown\\) +hotline-2 +HOTLINE")
                .containsPattern("\\(not shown\\) +scraper +MONITOR")
                .doesNotContain("my-own-env-token", "file-token-of-my-own");
    }
}
