package org.eldercare.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One real stack, booted once in a temp dir, shared by the tests; the last test restarts it on the same dir. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {

    private static final String EVENTS = "eldercare.events.v1";

    @TempDir
    static Path dataDir;

    static LocalStackConfig config;
    static LocalStack stack;

    @BeforeAll
    static void bootStack() {
        config = LocalStackConfig.forTests(dataDir);
        long begin = System.nanoTime();
        stack = LocalStack.start(config);
        System.out.printf("local stack started in %.1f s%n", (System.nanoTime() - begin) / 1e9);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void reportsEveryPartHealthyOnceStarted() {
        assertThat(stack.kafkaHealthy()).isTrue();
        assertThat(stack.elasticsearchHealthy()).isTrue();
        assertThat(stack.flinkHealthy()).isTrue();
        assertThat(stack.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + config.kafkaPort());
        assertThat(stack.elasticsearchUrl()).isEqualTo("http://127.0.0.1:" + config.esHttpPort());
    }

    @Test
    @Order(2)
    void kafkaReturnsAnEventProducedIdempotently() throws Exception {
        KafkaProbe kafka = new KafkaProbe(stack.kafkaBootstrapServers());
        String event = CloudEvents.bedOccupied("F-001", 3);

        kafka.produce(EVENTS, "F-001", event);

        assertThat(kafka.consume(EVENTS, 1)).containsExactly(event);
    }

    @Test
    @Order(3)
    void elasticsearchFindsAnIndexedFacilityBySearch() throws Exception {
        try (ElasticsearchProbe es = new ElasticsearchProbe(stack.elasticsearchUrl())) {
            es.index("facilities", "F-001", Map.of("name", "Sunny Garden care station", "beds", 40));
            es.index("facilities", "F-002", Map.of("name", "Riverside meal table", "beds", 0));

            assertThat(es.search("facilities", "name", "garden")).containsExactly("F-001");
        }
    }

    @Test
    @Order(4)
    void flinkJobCopiesKafkaEventsIntoElasticsearch() throws Exception {
        KafkaProbe kafka = new KafkaProbe(stack.kafkaBootstrapServers());
        List<String> events = List.of(
                CloudEvents.bedOccupied("F-010", 1),
                CloudEvents.bedOccupied("F-011", 2),
                CloudEvents.bedOccupied("F-012", 5));
        for (String event : events) {
            kafka.produce("flink-smoke", "key", event);
        }

        StreamExecutionEnvironment env = stack.streamEnvironment();
        KafkaSource<String> source = KafkaSource.<String>builder()
                .setBootstrapServers(stack.kafkaBootstrapServers())
                .setTopics("flink-smoke")
                .setGroupId("flink-smoke")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setValueOnlyDeserializer(new SimpleStringSchema())
                .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "events")
                .sinkTo(new ElasticsearchHttpSink(stack.elasticsearchUrl(), "flink-smoke"))
                .name("to-elasticsearch");
        env.execute("kafka-to-elasticsearch smoke");

        try (ElasticsearchProbe es = new ElasticsearchProbe(stack.elasticsearchUrl())) {
            assertThat(es.count("flink-smoke")).isEqualTo(events.size());
        }
    }

    @Test
    @Order(5)
    void keepsTheDataDirAndItsPartsOwnerOnly() throws Exception {
        for (Path dir : List.of(
                dataDir,
                config.kafkaDir(),
                config.elasticsearchDir(),
                config.flinkDir(),
                config.flinkDir().resolve("checkpoints"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                    .as("permissions of %s", dir)
                    .isEqualTo("rwx------");
        }
    }

    @Test
    @Order(6)
    void flinksRestEndpointRefusesJarUploadAndRunEvenWithItsCertificate() throws Exception {
        String rest = stack.flinkRestAddress().toString().replaceAll("/$", "");
        assertThat(rest).startsWith("https://127.0.0.1:");
        try (HttpClient http =
                HttpClient.newBuilder().sslContext(stack.flinkRestSslContext()).build()) {
            HttpResponse<String> features = http.send(
                    HttpRequest.newBuilder(URI.create(rest + "/config")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(features.body()).contains("\"web-submit\":false", "\"web-cancel\":false");

            String boundary = "eldercare-it";
            String body =
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"x.jar\"\r\n"
                            + "Content-Type: application/x-java-archive\r\n\r\nPK\r\n--" + boundary + "--\r\n";
            HttpResponse<String> upload = http.send(
                    HttpRequest.newBuilder(URI.create(rest + "/jars/upload"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode())
                    .as("POST /jars/upload: %s", upload.body())
                    .isBetween(400, 499);
            HttpResponse<String> run = http.send(
                    HttpRequest.newBuilder(URI.create(rest + "/jars/x.jar/run"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(run.statusCode())
                    .as("POST /jars/x.jar/run: %s", run.body())
                    .isBetween(400, 499);
        }
    }

    @Test
    @Order(6)
    void flinksRestEndpointRefusesAClientWithoutItsCertificateToSubmitOrCancel() throws Exception {
        URI rest = stack.flinkRestAddress();
        String jobs = "https://127.0.0.1:" + rest.getPort() + "/jobs";
        String cancel = jobs + "/" + "0".repeat(32) + "?mode=cancel";
        // A positive control: the holder of the certificate is served.
        try (HttpClient holder =
                HttpClient.newBuilder().sslContext(stack.flinkRestSslContext()).build()) {
            assertThat(holder.send(
                                    HttpRequest.newBuilder(URI.create(jobs)).build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(200);
        }
        // Plain HTTP on loopback, as any local user or a web page's fetch could send: never served.
        try (HttpClient plain = HttpClient.newHttpClient()) {
            for (HttpRequest request : List.of(
                    HttpRequest.newBuilder(URI.create(jobs.replace("https:", "http:")))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpRequest.newBuilder(URI.create(cancel.replace("https:", "http:")))
                            .method("PATCH", HttpRequest.BodyPublishers.noBody())
                            .build())) {
                try {
                    // Flink answers plain HTTP on its TLS port with a redirect to https, where the handshake fails.
                    HttpResponse<String> answer = plain.send(request, HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode() / 100)
                            .as("%s %s over plain HTTP: %s", request.method(), request.uri(), answer.body())
                            .isNotEqualTo(2);
                    assertThat(answer.body()).doesNotContain("jobUrl");
                    answer.headers()
                            .firstValue("Location")
                            .ifPresent(location -> assertThat(location).startsWith("https:"));
                } catch (java.io.IOException refused) {
                    // The TLS endpoint dropped the connection: refused as well.
                }
            }
        }
        // TLS that trusts the server, but without the client certificate: refused in the handshake.
        try (HttpClient anonymous = HttpClient.newBuilder()
                .sslContext(stack.flinkRestTls().trustingContext())
                .build()) {
            assertThatThrownBy(() -> anonymous.send(
                            HttpRequest.newBuilder(URI.create(jobs))
                                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
            assertThatThrownBy(() -> anonymous.send(
                            HttpRequest.newBuilder(URI.create(cancel))
                                    .method("PATCH", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(java.io.IOException.class);
        }
        // The files that let a person open the web UI are the owner's alone.
        Path tls = config.flinkDir().resolve("tls");
        for (String file : List.of("rest-client.p12", "rest-client.password")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.resolve(file))))
                    .as("permissions of %s", file)
                    .isEqualTo("rw-------");
        }
    }

    @Test
    @Order(6)
    void everyNodeListensOnLoopbackOnlyByDefault() throws Exception {
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        java.net.InetAddress outside = nonLoopbackAddress();
        org.junit.jupiter.api.Assumptions.assumeTrue(outside != null, "this machine has no non-loopback IPv4 address");
        for (int port : List.of(config.kafkaPort(), config.esHttpPort(), config.flinkRestPort())) {
            assertThat(Ports.listening(port)).as("port %d on loopback", port).isTrue();
            assertThatThrownBy(() -> {
                        try (java.net.Socket socket = new java.net.Socket()) {
                            socket.connect(new java.net.InetSocketAddress(outside, port), 2000);
                        }
                    })
                    .as("port %d on %s", port, outside)
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    private static java.net.InetAddress nonLoopbackAddress() throws java.net.SocketException {
        for (var nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (var address : java.util.Collections.list(nic.getInetAddresses())) {
                if (address instanceof java.net.Inet4Address && !address.isLoopbackAddress()) {
                    return address;
                }
            }
        }
        return null;
    }

    @Test
    @Order(7)
    void failsFastNamingThePropertyWhenAPortIsTaken() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalStackConfig clash = LocalStackConfigs.withEsHttpPort(
                    LocalStackConfig.forTests(dataDir.resolve("other")), squatter.getLocalPort());

            assertThatThrownBy(() -> LocalStack.start(clash))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("eldercare.elasticsearch.port")
                    .hasMessageContaining(Integer.toString(squatter.getLocalPort()));
        }
    }

    @Test
    @Order(8)
    void restartOnTheSameDataDirKeepsTopicsAndIndexes() throws Exception {
        stack.close();
        long begin = System.nanoTime();
        stack = LocalStack.start(config);
        System.out.printf("local stack restarted in %.1f s%n", (System.nanoTime() - begin) / 1e9);

        KafkaProbe kafka = new KafkaProbe(stack.kafkaBootstrapServers());
        assertThat(kafka.topics()).contains(EVENTS, "flink-smoke");
        assertThat(kafka.consume(EVENTS, 1)).hasSize(1);
        try (ElasticsearchProbe es = new ElasticsearchProbe(stack.elasticsearchUrl())) {
            assertThat(es.search("facilities", "name", "garden")).containsExactly("F-001");
            assertThat(es.count("flink-smoke")).isEqualTo(3);
        }
    }
}
