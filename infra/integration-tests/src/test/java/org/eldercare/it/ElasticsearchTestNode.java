package org.eldercare.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Elasticsearch 9.5.3 node in a child JVM, launched from the directory the build prepared
 * ({@code infra/platform/elasticsearch-node/target/node}), on free ports and its own data dir. Unlike the
 * full local stack it starts nothing else, and it can be stopped and started again on the same
 * port and data, which is what outage tests need.
 */
final class ElasticsearchTestNode implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Path nodeDir;
    private final Path dataDir;
    private final int httpPort = ChildJvm.freePort();
    private final int transportPort = ChildJvm.freePort();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;

    ElasticsearchTestNode(Path dataDir) {
        String root = System.getProperty("eldercare.root", "../..");
        this.nodeDir = Path.of(root, "infra", "platform", "elasticsearch-node", "target", "node")
                .toAbsolutePath()
                .normalize();
        this.dataDir = dataDir;
    }

    static ElasticsearchTestNode started(Path dataDir) throws Exception {
        ElasticsearchTestNode node = new ElasticsearchTestNode(dataDir);
        node.start();
        return node;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    synchronized void start() throws Exception {
        if (!Files.isDirectory(nodeDir.resolve("lib"))) {
            throw new IllegalStateException(nodeDir + "/lib is missing: build infra/platform/elasticsearch-node first");
        }
        Files.createDirectories(dataDir.resolve("tmp"));
        List<String> command = ChildJvm.javaCommand("512m", dataDir.resolve("tmp"));
        command.add("-Dlog4j2.disable.jmx=true");
        command.addAll(List.of(
                "-cp",
                nodeDir.resolve("lib") + File.separator + "*",
                "org.eldercare.infra.es.ElasticsearchNodeMain",
                "--home=" + nodeDir.resolve("home"),
                "--data=" + dataDir.resolve("data"),
                "--logs=" + dataDir.resolve("logs"),
                "--http-port=" + httpPort,
                "--transport-port=" + transportPort,
                "--cluster-name=eldercare-it",
                "--exit-on-stdin-eof=true"));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolve("console.log").toFile()))
                .start();
        awaitHealthy();
    }

    /** Stops the node (SIGTERM, then kill); its data stays for {@link #start()}. */
    synchronized void stop() throws InterruptedException {
        ChildJvm.stop(process);
    }

    boolean healthy() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?timeout=1s"))
                            .timeout(Duration.ofSeconds(3))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"status\":\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Elasticsearch exited with " + process.exitValue() + ", see " + dataDir.resolve("console.log"));
            }
            if (healthy()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Elasticsearch not healthy within " + STARTUP);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        http.close();
    }
}
