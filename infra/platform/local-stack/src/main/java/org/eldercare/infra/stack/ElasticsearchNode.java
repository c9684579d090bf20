package org.eldercare.infra.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Elasticsearch node child JVM, and its health from {@code GET /_cluster/health}. */
final class ElasticsearchNode implements AutoCloseable {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");

    private final LocalStackConfig config;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private NodeProcess process;

    ElasticsearchNode(LocalStackConfig config) {
        this.config = config;
    }

    void launch() throws IOException {
        List<String> jvm = NodeProcess.queryNodeJvmOptions(config.esHeap());
        jvm.add("-Dlog4j2.disable.jmx=true");
        jvm.add("-Djava.io.tmpdir=" + config.elasticsearchDir().resolve("tmp"));
        java.nio.file.Files.createDirectories(config.elasticsearchDir().resolve("tmp"));
        process = NodeProcess.launch(
                "elasticsearch",
                config.esNodeDir(),
                "org.eldercare.infra.es.ElasticsearchNodeMain",
                jvm,
                List.of(
                        // The build's home is read-only input; everything the node writes goes under the data dir.
                        "--home=" + config.esNodeDir().resolve("home"),
                        "--data=" + config.elasticsearchDir().resolve("data"),
                        "--logs=" + config.elasticsearchDir().resolve("logs"),
                        "--http-port=" + config.esHttpPort(),
                        "--transport-port=" + config.esTransportPort(),
                        "--http-host=" + config.bindAddress(),
                        "--cluster-name=eldercare"),
                config.elasticsearchDir().resolve("logs").resolve("console.log"));
    }

    String url() {
        return "http://127.0.0.1:" + config.esHttpPort();
    }

    NodeProcess process() {
        return process;
    }

    /** Cluster health is yellow or green (a single node never gets replicas, so yellow is normal). */
    boolean healthy() {
        if (process == null || !process.isAlive()) {
            return false;
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/_cluster/health?timeout=1s"))
                    .timeout(Duration.ofSeconds(3))
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher status = STATUS.matcher(response.body());
            return response.statusCode() == 200
                    && status.find()
                    && (status.group(1).equals("green") || status.group(1).equals("yellow"));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop();
        }
        http.close();
    }
}
