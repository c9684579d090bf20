package org.eldercare.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    private static String other(String operator) {
        return operator.equals("op-1") ? "2" : "1";
    }

    private SimulatorConfig startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/api/v1/facilities/", exchange -> respond(exchange, 404, "{}"));
        api.createContext("/api/v1/events", this::events);
        api.start();
        Map<String, String> properties = Map.of(
                "eldercare.simulator.base-url",
                        "http://127.0.0.1:" + api.getAddress().getPort(),
                "eldercare.simulator.districts", "110109",
                "eldercare.simulator.run-id", "test",
                "eldercare.simulator.rate", "200");
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
