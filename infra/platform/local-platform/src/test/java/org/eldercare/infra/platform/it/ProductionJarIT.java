package org.eldercare.infra.platform.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eldercare.infra.stack.LocalStack;
import org.eldercare.infra.stack.LocalStackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The production API as it ships: {@code java -jar api/target/eldercare-api.jar} in a child JVM, no profile, configured
 * only through environment variables (as compose and Kubernetes configure it) against a Kafka broker and an
 * Elasticsearch node that are not its own (the embedded stack, started here by the test). It serves with real
 * credentials and refuses to start with the demo ones, naming the setting.
 */
// The slow tier: `./eldercare test` runs it after every other test (README, "Tests").
@Tag("slow")
class ProductionJarIT {

    static final String PLANNER_TOKEN = "it-planner-" + UUID.randomUUID();
    static final String HMAC_KEY = "it-hmac-" + UUID.randomUUID() + UUID.randomUUID();
    static final String PII_KEYS = "it:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    static final String MONITOR_TOKEN = "it-monitor-" + UUID.randomUUID();

    static Path root;
    static Path jar;
    static Path work;
    static LocalStack stack;

    @BeforeAll
    static void startTheStackTheApiRunsAgainst() throws IOException {
        root = Path.of(System.getProperty("eldercare.root", "../../.."))
                .toAbsolutePath()
                .normalize();
        jar = root.resolve("api/target/eldercare-api.jar");
        assertThat(jar)
                .as("the executable API jar; package the api module first")
                .isRegularFile();
        System.out.printf("[ProductionJarIT] %s: %,d bytes (%.1f MB)%n", jar, Files.size(jar), Files.size(jar) / 1e6);
        work = Files.createTempDirectory("eldercare-production-jar");
        stack = LocalStack.start(LocalStackConfig.forTests(work.resolve("stack")));
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void servesAuthenticatedRequestsWithRealCredentialsAgainstExternalKafkaAndElasticsearch() throws Exception {
        int port = freePort();
        Path log = work.resolve("api-real.log");
        Process api = start(productionEnv(port, PLANNER_TOKEN, HMAC_KEY), log);
        try {
            PlatformClient client = new PlatformClient(port);
            PlatformClient.Reply status = client.awaitOrFail(
                    "the production API's status with Kafka and Elasticsearch up (log: " + log + ")",
                    Duration.ofSeconds(180),
                    () -> {
                        if (!api.isAlive()) {
                            throw new AssertionError("the API exited with " + api.exitValue() + "; see " + log);
                        }
                        return client.get(PLANNER_TOKEN, "/api/v1/status");
                    },
                    r -> r.status() == 200
                            && "UP"
                                    .equals(r.body()
                                            .at("/components/kafka/status")
                                            .asText())
                            && "UP"
                                    .equals(r.body()
                                            .at("/components/elasticsearch/status")
                                            .asText()));

            assertThat(status.body().path("components").has("flink"))
                    .as("the production API runs no Flink of its own")
                    .isFalse();
            PlatformClient.Reply regions = client.get(PLANNER_TOKEN, "/api/v1/regions");
            assertThat(regions.status()).isEqualTo(200);
            assertThat(client.get("demo-planner", "/api/v1/regions").status())
                    .as("no demo token opens a production deployment")
                    .isEqualTo(401);
            assertThat(Files.readString(log))
                    .as("no embedded node, MiniCluster or simulator in the production jar")
                    .doesNotContain("[stack]", "simulator:");

            PlatformClient.TextReply anonymousHealth = client.getText(null, "/actuator/health");
            assertThat(anonymousHealth.status()).isEqualTo(200);
            assertThat(anonymousHealth.body())
                    .as("anyone sees the status, not the components")
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("components", "kafka", "elasticsearch");
            assertThat(client.getText(PLANNER_TOKEN, "/actuator/health").body()).doesNotContain("components");
            assertThat(client.getText(MONITOR_TOKEN, "/actuator/health").body())
                    .as("MONITOR, from the tokens file as a digest, sees the components")
                    .contains("components", "kafka", "elasticsearch");
            assertThat(client.getText(null, "/actuator/prometheus").status()).isEqualTo(401);
            assertThat(client.getText(PLANNER_TOKEN, "/actuator/prometheus").status())
                    .isEqualTo(403);
            PlatformClient.TextReply scrape = client.getText(MONITOR_TOKEN, "/actuator/prometheus");
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes");
            assertThat(client.get(MONITOR_TOKEN, "/api/v1/regions").status())
                    .as("MONITOR reads nothing of the API")
                    .isEqualTo(403);
            assertThat(Files.readString(log))
                    .as("no token value in the log")
                    .doesNotContain(PLANNER_TOKEN, MONITOR_TOKEN);
        } finally {
            stop(api);
        }
    }

    @Test
    void refusesToStartWithADemoTokenNamingTheSetting() throws Exception {
        Path log = work.resolve("api-demo-token.log");
        Process api = start(productionEnv(freePort(), "demo-planner", HMAC_KEY), log);

        assertThat(api.waitFor(180, TimeUnit.SECONDS)).as("the API exits").isTrue();
        assertThat(api.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("eldercare.security.tokens: demo token for 'planner'");
    }

    @Test
    void refusesToStartWithTheDefaultHmacKeyNamingTheSetting() throws Exception {
        Path log = work.resolve("api-demo-key.log");
        Process api = start(productionEnv(freePort(), PLANNER_TOKEN, "eldercare-demo-hmac-key-change-me"), log);

        assertThat(api.waitFor(180, TimeUnit.SECONDS)).as("the API exits").isTrue();
        assertThat(api.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("eldercare.security.hmac-key", "ELDERCARE_SECURITY_HMACKEY");
    }

    @Test
    void refusesToStartWithoutAPiiKeyringNamingTheSetting() throws Exception {
        // docs/CONTRACT.md §6.7: production has no default keyring.
        Path log = work.resolve("api-no-pii-keys.log");
        Map<String, String> env = productionEnv(freePort(), PLANNER_TOKEN, HMAC_KEY);
        env.remove("ELDERCARE_SECURITY_PIIKEYS");
        Process api = start(env, log);

        assertThat(api.waitFor(180, TimeUnit.SECONDS)).as("the API exits").isTrue();
        assertThat(api.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("eldercare.security.pii-keys", "ELDERCARE_SECURITY_PIIKEYS");
    }

    @Test
    void refusesToStartWithoutAnHmacKeyNamingTheSetting() throws Exception {
        Path log = work.resolve("api-no-key.log");
        Map<String, String> env = productionEnv(freePort(), PLANNER_TOKEN, HMAC_KEY);
        env.remove("ELDERCARE_SECURITY_HMACKEY");
        Process api = start(env, log);

        assertThat(api.waitFor(180, TimeUnit.SECONDS)).as("the API exits").isTrue();
        assertThat(api.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("eldercare.security.hmac-key: is not set");
    }

    /**
     * Everything through the environment, in Spring's relaxed form, as the deployment manifests set it, and a tokens
     * file holding the MONITOR token as its SHA-256 digest.
     */
    private static Map<String, String> productionEnv(int port, String plannerToken, String hmacKey) throws IOException {
        Path tokens = work.resolve("tokens");
        Files.writeString(tokens, "# the scraper\nsha256:" + sha256Hex(MONITOR_TOKEN) + " prometheus MONITOR\n");
        Map<String, String> env = new HashMap<>();
        env.put("ELDERCARE_SECURITY_TOKENSFILE", tokens.toString());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("ELDERCARE_KAFKA_BOOTSTRAPSERVERS", stack.kafkaBootstrapServers());
        env.put("ELDERCARE_ELASTICSEARCH_URL", stack.elasticsearchUrl());
        env.put("ELDERCARE_SECURITY_HMACKEY", hmacKey);
        env.put("ELDERCARE_SECURITY_PIIKEYS", PII_KEYS);
        env.put("ELDERCARE_SECURITY_TOKENS_0_TOKEN", plannerToken);
        env.put("ELDERCARE_SECURITY_TOKENS_0_NAME", "planner");
        env.put("ELDERCARE_SECURITY_TOKENS_0_ROLE", "PLANNER");
        return env;
    }

    private static Process start(Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Nothing of the test's own environment may configure the app: no profile, no eldercare settings.
        builder.environment().keySet().removeIf(key -> key.startsWith("ELDERCARE_") || key.startsWith("SPRING_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String sha256Hex(String token) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
