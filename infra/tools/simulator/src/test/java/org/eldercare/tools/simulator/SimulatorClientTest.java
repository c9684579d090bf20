package org.eldercare.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eldercare.ingest.region.Regions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a stand-in API that is briefly unavailable. */
class SimulatorClientTest {

    private record Post(String token, String body) {}

    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailableFor = new AtomicInteger(1);
    private HttpServer api;

    @AfterEach
    void stopApi() {
        if (api != null) {
            api.stop(0);
        }
    }

    @Test
    void resendsTheSameBatchAfterA503AndSignsEachOperatorsEventsWithItsToken() throws Exception {
        SimulatorConfig config = startApi();
        CitySimulator simulator = new CitySimulator(config, Regions.load());

        try (SimulatorClient client = new SimulatorClient(config, simulator, Clock.systemUTC())) {
            client.start();
            for (int i = 0; i < 500 && posts.stream().noneMatch(p -> p.body().contains("/civil-affairs/")); i++) {
                Thread.sleep(20);
            }
            assertThat(client.stats().retries()).isEqualTo(1);
        }

        assertThat(posts.size()).isGreaterThanOrEqualTo(4);
        assertThat(posts.get(1)).isEqualTo(posts.get(0));
        assertThat(posts.get(0).body()).contains("\"type\":\"facility.registered\"");
        assertThat(posts)
                .as("the register goes with the civil-affairs token, and only it")
                .filteredOn(p -> p.token().equals("Bearer demo-civil-affairs"))
                .anySatisfy(p -> assertThat(p.body()).contains("\"type\":\"person.registered\""))
                .allSatisfy(
                        p -> assertThat(p.body()).contains("/civil-affairs/").doesNotContain("/operators/"));
        assertThat(posts)
                .filteredOn(p -> !p.token().equals("Bearer demo-civil-affairs"))
                .allSatisfy(p -> {
                    String operator = p.token().equals("Bearer demo-operator-1") ? "op-1" : "op-2";
                    assertThat(p.body())
                            .contains("/operators/" + operator)
                            .doesNotContain("/operators/op-" + other(operator))
                            .doesNotContain("/civil-affairs/");
                });
    }

    @Test
    void bindsDevicesAfterTheRegisterAndSendsTheHotlineDesksStepsWithTheHotlineTokenOnly() throws Exception {
        SimulatorConfig config = startApi(Map.of("eldercare.simulator.sos-per-hour", "600"));
        CitySimulator simulator = new CitySimulator(config, Regions.load());
        // Each look at the clock is a minute later, so the desk's steps come due within a few ticks.
        Clock fast = new Clock() {
            private final AtomicInteger calls = new AtomicInteger();

            @Override
            public Instant instant() {
                return Instant.parse("2026-11-22T01:00:00Z").plus(Duration.ofMinutes(calls.getAndIncrement()));
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };

        try (SimulatorClient client = new SimulatorClient(config, simulator, fast)) {
            client.start();
            for (int i = 0; i < 1_000 && posts.stream().noneMatch(p -> p.body().contains("/hotline/")); i++) {
                Thread.sleep(20);
            }
        }

        List<String> bodies = posts.stream().map(Post::body).toList();
        int register = indexOf(bodies, "\"type\":\"person.registered\"");
        int bound = indexOf(bodies, "\"type\":\"device.bound\"");
        assertThat(register).isNotNegative();
        assertThat(bound).as("devices bound after the register").isGreaterThan(register);
        assertThat(posts)
                .filteredOn(p -> p.body().contains("/hotline/"))
                .isNotEmpty()
                .allSatisfy(p -> {
                    assertThat(p.token()).isEqualTo("Bearer demo-hotline");
                    assertThat(p.body()).contains("\"type\":\"incident.").doesNotContain("/operators/");
                });
        assertThat(posts)
                .filteredOn(p -> p.body().contains("\"type\":\"device.sos\""))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.token()).startsWith("Bearer demo-operator-"));
    }

    private static int indexOf(List<String> bodies, String text) {
        for (int i = 0; i < bodies.size(); i++) {
            if (bodies.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static String other(String operator) {
        return operator.equals("op-1") ? "2" : "1";
    }

    private SimulatorConfig startApi() throws IOException {
        return startApi(Map.of());
    }

    private SimulatorConfig startApi(Map<String, String> more) throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/api/v1/facilities/", exchange -> respond(exchange, 404, "{}"));
        api.createContext("/api/v1/events", this::events);
        api.start();
        Map<String, String> properties = new HashMap<>(more);
        properties.putAll(Map.of(
                "eldercare.simulator.base-url",
                        "http://127.0.0.1:" + api.getAddress().getPort(),
                "eldercare.simulator.districts", "110109",
                "eldercare.simulator.run-id", "test",
                "eldercare.simulator.rate", "200"));
        return SimulatorConfig.fromProperties(properties::get);
    }

    private void events(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        posts.add(new Post(exchange.getRequestHeaders().getFirst("Authorization"), body));
        if (unavailableFor.getAndDecrement() > 0) {
            respond(exchange, 503, "{}");
        } else {
            respond(exchange, 202, "{\"accepted\":1,\"duplicates\":0,\"rejected\":[]}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
