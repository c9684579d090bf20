package org.eldercare.benchmark.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eldercare.infra.stack.PlatformCommand;

/**
 * The platform as a black box: the app ({@code api/target/classes} plus {@code api/target/classpath.txt}, as {@code
 * ./eldercare up} runs it) started as a child JVM in the local profile
 * (which starts its own Kafka, Elasticsearch and Flink) on free ports, a fresh data dir and no simulator. Its output
 * goes to {@code app.log} in the run's directory. {@link #close()} asks it to stop and waits for its shutdown hook
 * to stop the nodes.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final URI baseUrl;
    private URI elasticsearchUrl;
    private final Path log;
    private final String heap;

    private AppProcess(Process process, URI baseUrl, Path log, String heap) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.heap = heap;
    }

    public static AppProcess start(Path root, Path workDir, String heap) {
        return start(root, workDir, heap, true);
    }

    /** {@code streaming=false} leaves the indicator job out, so the intake path alone is measured. */
    public static AppProcess start(Path root, Path workDir, String heap, boolean streaming) {
        return start(root, workDir, heap, streaming, List.of());
    }

    /** As {@link #start(Path, Path, String, boolean)}, with more Spring {@code --key=value} arguments last. */
    public static AppProcess start(Path root, Path workDir, String heap, boolean streaming, List<String> more) {
        PlatformCommand platform = PlatformCommand.onFreePorts(root, heap, workDir.resolve("app-data"));
        // The per-token limits (docs/CONTRACT.md §6.3) would cap two tokens at 100 intake requests/s and the
        // hotline at 20 matches/s; the benchmarks measure the paths' ceilings and latency, so they lift them.
        List<String> arguments = new ArrayList<>(List.of(
                "--eldercare.simulator.enabled=false",
                "--eldercare.streaming.enabled=" + streaming,
                "--eldercare.limits.intake.requests-per-second=1000000",
                "--eldercare.limits.intake.burst=1000000",
                "--eldercare.limits.intake.concurrent=1000",
                "--eldercare.limits.match.requests-per-second=1000000",
                "--eldercare.limits.match.burst=1000000",
                "--eldercare.limits.match.concurrent=1000"));
        arguments.addAll(more);
        List<String> command = platform.command(arguments);
        int port = platform.serverPort();
        Path log = workDir.resolve("app.log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            System.out.printf(
                    "[bench] app starting (pid %d, -Xmx%s, port %d), log %s%n", process.pid(), heap, port, log);
            AppProcess app = new AppProcess(process, URI.create("http://127.0.0.1:" + port), log, heap);
            app.elasticsearchUrl =
                    URI.create("http://127.0.0.1:" + platform.stack().esHttpPort());
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the app", e);
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The app's own embedded Elasticsearch node, for benchmarks that load its indexes directly. */
    public URI elasticsearchUrl() {
        return elasticsearchUrl;
    }

    String heap() {
        return heap;
    }

    /** Waits until {@code GET /actuator/health} answers 200 with status UP. */
    public void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        long begin = System.nanoTime();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the app exited with " + process.exitValue() + "; see " + log + "\n" + tail());
            }
            try {
                HttpResponse<String> health = http.send(
                        HttpRequest.newBuilder(baseUrl.resolve("/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = "HTTP " + health.statusCode() + " " + health.body();
                String status = org.eldercare.ingest.codec.CloudEventJson.mapper()
                        .readTree(health.body())
                        .path("status")
                        .asText();
                if (health.statusCode() == 200 && status.equals("UP")) {
                    System.out.printf("[bench] app healthy after %.1f s%n", (System.nanoTime() - begin) / 1e9);
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the app was not healthy within " + timeout + "; last /actuator/health: "
                + last.substring(0, Math.min(last.length(), 2000)));
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
