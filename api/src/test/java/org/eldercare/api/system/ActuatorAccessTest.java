package org.eldercare.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The actuator as production serves it (docs/CONTRACT.md §6.4): the health status to anyone, its components and
 * the metrics only to MONITOR or ADMIN. The MONITOR token comes from a tokens file, as a deployment would give it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ActuatorAccessTest {

    static final String MONITOR_TOKEN = "monitor-token-from-a-file-0123456789";

    @DynamicPropertySource
    static void tokensFile(DynamicPropertyRegistry registry) {
        try {
            Path file = Files.createTempFile("eldercare-tokens", ".txt");
            file.toFile().deleteOnExit();
            Files.writeString(file, MONITOR_TOKEN + " prometheus MONITOR\n");
            registry.add("eldercare.security.tokens-file", file::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MockMvcTester mvc;

    MvcTestResult get(String uri, String token) {
        var request = mvc.get().uri(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.exchange();
    }

    @Test
    void anyoneSeesTheHealthStatusButNotItsComponents() {
        for (String token : new String[] {null, "demo-planner", "demo-operator-1", "not-a-token"}) {
            var health = get("/actuator/health", token);

            assertThat(health.getResponse().getStatus())
                    .as("health for %s", token)
                    .isIn(200, 503);
            assertThat(health)
                    .bodyJson()
                    .hasPathSatisfying("$.status", s -> assertThat(s).isNotNull());
            assertThat(health).bodyJson().doesNotHavePath("$.components");
        }
    }

    @Test
    void monitorAndAdminSeeTheHealthComponents() {
        for (String token : new String[] {MONITOR_TOKEN, "demo-admin"}) {
            assertThat(get("/actuator/health", token))
                    .as("health for %s", token)
                    .bodyJson()
                    .hasPath("$.components.platform");
        }
    }

    @Test
    void metricsNeedMonitorOrAdmin() {
        for (String uri : new String[] {"/actuator/metrics", "/actuator/prometheus", "/actuator"}) {
            assertThat(get(uri, null)).as("%s anonymous", uri).hasStatus(401);
            assertThat(get(uri, "demo-planner")).as("%s as planner", uri).hasStatus(403);
            assertThat(get(uri, "demo-operator-1")).as("%s as operator", uri).hasStatus(403);
        }
        assertThat(get("/actuator/metrics", MONITOR_TOKEN)).hasStatusOk();
        assertThat(get("/actuator/metrics/jvm.memory.used", "demo-admin")).hasStatusOk();
    }

    @Test
    void aMonitorTokenReadsNothingOfTheApi() {
        assertThat(get("/api/v1/regions", MONITOR_TOKEN)).hasStatus(403);
        assertThat(get("/api/v1/regions", "demo-planner")).hasStatusOk();
    }
}
