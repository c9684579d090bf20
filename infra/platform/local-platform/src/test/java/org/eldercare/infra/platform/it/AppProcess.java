package org.eldercare.infra.platform.it;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eldercare.infra.stack.PlatformCommand;

/**
 * The platform as a separate process, started the way {@code ./eldercare up} starts it, so a test can
 * stop it with SIGTERM or SIGKILL and start it again on the same data dir.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    final int port;

    private AppProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static AppProcess start(Path dataDir, Path log) throws IOException {
        Path root = Path.of(System.getProperty("eldercare.root", ".."))
                .toAbsolutePath()
                .normalize();
        PlatformCommand platform = PlatformCommand.onFreePorts(root, "1g", dataDir);
        List<String> command = platform.command(List.of(
                "--eldercare.simulator.enabled=false",
                "--eldercare.streaming.checkpoint-interval=PT1S",
                "--eldercare.status.settle=PT3S"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        AppProcess app = new AppProcess(process, platform.serverPort());
        new PlatformClient(app.port)
                .awaitOrFail(
                        "the app healthy (log: " + log + ")",
                        Duration.ofSeconds(180),
                        () -> {
                            if (!process.isAlive()) {
                                throw new AssertionError("the app exited; see " + log);
                            }
                            return new PlatformClient(app.port).get("demo-planner", "/actuator/health");
                        },
                        r -> r.status() == 200);
        return app;
    }

    /** SIGTERM, then waits for a clean exit, children included. */
    void terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the app did not stop within 60 s of SIGTERM");
        }
    }

    /** SIGKILL: no shutdown hook runs; the child nodes notice their parent is gone and exit. */
    void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 30, TimeUnit.SECONDS).join();
        }
    }

    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
