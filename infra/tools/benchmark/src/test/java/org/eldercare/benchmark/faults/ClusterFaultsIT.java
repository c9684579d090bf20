package org.eldercare.benchmark.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eldercare.infra.stack.ClusterPlatform;
import org.eldercare.infra.stack.LocalStackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster mode (docs/CONTRACT.md §6.10) started as {@code ./eldercare up --cluster} starts it: Kafka,
 * Elasticsearch, a JobManager, two TaskManagers and the API's production jar, each its own JVM, the job jar submitted
 * with {@code flink run}. Every process has its PID file; the API's status lists the TaskManagers with their slots and
 * the running job; a TaskManager killed with {@code kill -9} mid-stream is started again and the indicators end equal
 * to the independent fold; stopping leaves no process behind.
 */
// The slow tier: `./eldercare test` runs it after every other test (README, "Tests").
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsIT {

    static final List<String> ROLES =
            List.of("kafka", "elasticsearch", "jobmanager", "taskmanager-1", "taskmanager-2", "api");

    @TempDir
    static Path dir;

    static ClusterPlatform cluster;

    @BeforeAll
    static void startTheClusterMode() throws Exception {
        Path root = Path.of(System.getProperty("eldercare.root", "../../.."))
                .toAbsolutePath()
                .normalize();
        LocalStackConfig stack = LocalStackConfig.forTests(dir.resolve("data"));
        cluster = new ClusterPlatform(stack, root, stack.freePortBeside(), "PT2S");
        cluster.start();
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void everyProcessHasItsPidFileAndTheStatusListsTheTaskManagersTheirSlotsAndTheJob() throws Exception {
        for (String role : ROLES) {
            assertThat(alive(pid(role)))
                    .as("%s (pid file %s)", role, cluster.pidFile(role))
                    .isTrue();
        }
        JsonNode status = status();
        JsonNode taskManagers = status.path("flink").path("taskManagers");
        assertThat(taskManagers).as("flink.taskManagers of %s", status).hasSize(2);
        for (JsonNode tm : taskManagers) {
            assertThat(tm.path("slots").asInt()).isEqualTo(ClusterPlatform.SLOTS_PER_TASK_MANAGER);
        }
        assertThat(status.path("flink").path("jobs").findValuesAsText("state")).contains("RUNNING");
        assertThat(status.path("flink").path("jobs").findValuesAsText("id")).contains(cluster.jobId());
        assertThat(status.path("components").path("flink").path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    @Order(2)
    void aTaskManagerKilledMidStreamIsStartedAgainAndTheIndicatorsEqualTheFold() throws Exception {
        long killed = pid("taskmanager-1");

        ClusterFaults.Result result = new ClusterFaults(cluster)
                .run(
                        ClusterFaults.Scenario.TASKMANAGER_KILL,
                        100,
                        // Long enough on a loaded 2-core machine for the job to have caught up with the city day
                        // before the fault, and to be seen fresh again after it (a CI run saw neither in 10 + 20 s).
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(40),
                        Duration.ZERO,
                        Duration.ofSeconds(180));

        System.out.printf(
                "[ClusterFaultsIT] taskmanager-kill: recovery %s, %d scopes, lag before %s%n",
                result.recovery(), result.scopes(), result.baselineLag());
        assertThat(result.differences())
                .as("indicator fields that differ from the fold")
                .isEmpty();
        assertThat(result.scopes()).isGreaterThanOrEqualTo(3);
        assertThat(result.recovery()).as("fault → fresh again").isNotNull();
        assertThat(pid("taskmanager-1")).isNotEqualTo(killed);
        assertThat(alive(pid("taskmanager-1"))).isTrue();
        assertThat(result.jobState()).isEqualTo("RUNNING");
    }

    @Test
    @Order(3)
    void stoppingLeavesNoProcessAndNoPidFile() throws Exception {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String role : ROLES) {
            pids.put(role, pid(role));
        }
        cluster.close();
        for (var entry : pids.entrySet()) {
            assertThat(alive(entry.getValue()))
                    .as("%s (pid %d) after close", entry.getKey(), entry.getValue())
                    .isFalse();
            assertThat(cluster.pidFile(entry.getKey())).doesNotExist();
        }
    }

    private static long pid(String role) throws Exception {
        return Long.parseLong(Files.readString(cluster.pidFile(role)).trim());
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static JsonNode status() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.apiPort() + "/api/v1/status"))
                            .header("Authorization", "Bearer demo-admin")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body());
        }
    }
}
