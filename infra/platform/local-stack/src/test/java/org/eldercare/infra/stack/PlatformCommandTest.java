package org.eldercare.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCommandTest {

    @TempDir
    Path root;

    @Test
    void placementReadBackGivesTheSameStack() {
        LocalStackConfig stack = LocalStackConfig.forTests(root.resolve("data"));

        LocalStackConfig again = LocalStackConfig.from(stack.placement()::get);

        assertThat(again.dataDir()).isEqualTo(stack.dataDir());
        assertThat(List.of(again.kafkaPort(), again.kafkaControllerPort(), again.esHttpPort()))
                .containsExactly(stack.kafkaPort(), stack.kafkaControllerPort(), stack.esHttpPort());
        assertThat(List.of(again.esTransportPort(), again.flinkRestPort()))
                .containsExactly(stack.esTransportPort(), stack.flinkRestPort());
    }

    @Test
    void runsTheAppInTheLocalProfileOnItsOwnPortsWithTheCallersArgumentsLast() throws Exception {
        Files.createDirectories(root.resolve("infra/platform/local-platform/target/classes"));
        Files.writeString(root.resolve("infra/platform/local-platform/target/classpath.txt"), "/m2/a.jar:/m2/b.jar\n");
        PlatformCommand platform = PlatformCommand.onFreePorts(root, "1g", root.resolve("data"));

        List<String> command = platform.command(List.of("--eldercare.simulator.enabled=false"));

        assertThat(command)
                .contains(
                        "-Xms1g", "-Xmx1g", "org.eldercare.api.EldercareApplication", "--spring.profiles.active=local")
                .contains("--server.port=" + platform.serverPort())
                .contains(root.resolve("infra/platform/local-platform/target/classes") + java.io.File.pathSeparator
                        + "/m2/a.jar:/m2/b.jar")
                .endsWith("--eldercare.simulator.enabled=false");
        for (Map.Entry<String, String> placed : platform.stack().placement().entrySet()) {
            assertThat(command).contains("--" + placed.getKey() + "=" + placed.getValue());
        }
        assertThat(platform.stack().placement().values()).doesNotContain(Integer.toString(platform.serverPort()));
    }

    @Test
    void saysToBuildTheAppWhenItsClasspathIsMissing() {
        PlatformCommand platform = PlatformCommand.onFreePorts(root, "1g", root.resolve("data"));

        assertThatThrownBy(() -> platform.command(List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("classpath.txt: missing; build the app first (./eldercare build)");
    }
}
