package org.eldercare.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** How these tests start a node in a JVM of its own, pick its ports and stop it. */
final class ChildJvm {

    private ChildJvm() {}

    /** The java of this JVM with a fixed heap, serial GC, its own tmp dir, and JDK 24+ warnings silenced. */
    static List<String> javaCommand(String heap, Path tmpDir) {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xms" + heap,
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + tmpDir,
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        return command;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, 30 s to stop cleanly, then kill. */
    static void stop(Process process) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
