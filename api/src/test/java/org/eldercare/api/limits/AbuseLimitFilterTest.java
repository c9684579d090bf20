package org.eldercare.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.ProblemResponses;
import org.eldercare.api.system.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

/** The limiter on its own, with a hand-driven clock: buckets, in-flight counts and the match body cap. */
class AbuseLimitFilterTest {

    static final Caller OPERATOR_1 = new Caller("operator-1", Role.OPERATOR, "op-1");
    static final Caller OPERATOR_2 = new Caller("operator-2", Role.OPERATOR, "op-2");
    static final Caller HOTLINE = new Caller("hotline", Role.HOTLINE, null);

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final AbuseLimitFilter filter = new AbuseLimitFilter(AbuseLimits.defaults(), new ProblemResponses(), nanos::get);

    @AfterEach
    void clearCaller() {
        SecurityContextHolder.clearContext();
    }

    MockHttpServletResponse post(Caller caller, String uri) throws IOException, ServletException {
        return post(caller, uri, new MockFilterChain());
    }

    MockHttpServletResponse post(Caller caller, String uri, FilterChain chain) throws IOException, ServletException {
        return post(caller, request(uri), chain);
    }

    MockHttpServletResponse post(Caller caller, MockHttpServletRequest request, FilterChain chain)
            throws IOException, ServletException {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, List.of()));
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    static MockHttpServletRequest request(String uri) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
        request.setContent(new byte[0]);
        return request;
    }

    static JsonNode problem(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        return new ObjectMapper().readTree(response.getContentAsByteArray());
    }

    @Test
    void refusesIntakeOverTheBurstOfAHundredWith429NamingTheRateLimit() throws Exception {
        for (int i = 0; i < 100; i++) {
            assertThat(post(OPERATOR_1, "/api/v1/events").getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = post(OPERATOR_1, "/api/v1/events");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        JsonNode problem = problem(refused);
        assertThat(problem.path("detail").asText())
                .isEqualTo("rate limit: at most 50 requests per second per token (intake)");
        assertThat(problem.path("limit").asText()).isEqualTo("intake.requests-per-second");
        assertThat(problem.path("status").asInt()).isEqualTo(429);
    }

    @Test
    void refillsTheBucketAtFiftyRequestsPerSecond() throws Exception {
        for (int i = 0; i < 100; i++) {
            post(OPERATOR_1, "/api/v1/events");
        }
        nanos.addAndGet(100_000_000L); // 0.1 s: 5 requests' worth

        for (int i = 0; i < 5; i++) {
            assertThat(post(OPERATOR_1, "/api/v1/events").getStatus()).isEqualTo(200);
        }
        assertThat(post(OPERATOR_1, "/api/v1/events").getStatus()).isEqualTo(429);
    }

    @Test
    void keepsEachTokensAllowanceToItself() throws Exception {
        for (int i = 0; i < 101; i++) {
            post(OPERATOR_1, "/api/v1/events");
        }

        assertThat(post(OPERATOR_1, "/api/v1/events").getStatus()).isEqualTo(429);
        assertThat(post(OPERATOR_2, "/api/v1/events").getStatus()).isEqualTo(200);
    }

    @Test
    void refusesASecondImportWhileOneIsInFlightWith429() throws Exception {
        AtomicReference<MockHttpServletResponse> second = new AtomicReference<>();
        FilterChain whileRunning = (req, res) -> second.set(post(OPERATOR_1, "/api/v1/imports"));

        MockHttpServletResponse first = post(OPERATOR_1, "/api/v1/imports", whileRunning);

        assertThat(first.getStatus()).isEqualTo(200);
        assertThat(second.get().getStatus()).isEqualTo(429);
        assertThat(second.get().getHeader("Retry-After")).isEqualTo("1");
        assertThat(problem(second.get()).path("detail").asText())
                .isEqualTo("concurrency limit: at most 1 requests in flight per token (import)");
        assertThat(problem(second.get()).path("limit").asText()).isEqualTo("imports.concurrent");
    }

    @Test
    void refusesAThirdImportWithinASecondAndTellsWhenToRetry() throws Exception {
        post(OPERATOR_1, "/api/v1/imports");
        post(OPERATOR_1, "/api/v1/imports");

        MockHttpServletResponse refused = post(OPERATOR_1, "/api/v1/imports");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(problem(refused).path("detail").asText())
                .isEqualTo("rate limit: at most 1 requests per second per token (import)");
    }

    @Test
    void refusesAFifthConcurrentIntakeButAdmitsOneAfterAnotherFinishes() throws Exception {
        AtomicReference<MockHttpServletResponse> fifth = new AtomicReference<>();
        FilterChain level4 = (req, res) -> fifth.set(post(OPERATOR_1, "/api/v1/events"));
        FilterChain level3 = (req, res) -> post(OPERATOR_1, "/api/v1/events", level4);
        FilterChain level2 = (req, res) -> post(OPERATOR_1, "/api/v1/events", level3);
        FilterChain level1 = (req, res) -> post(OPERATOR_1, "/api/v1/events", level2);

        post(OPERATOR_1, "/api/v1/events", level1);

        assertThat(fifth.get().getStatus()).isEqualTo(429);
        assertThat(problem(fifth.get()).path("detail").asText())
                .isEqualTo("concurrency limit: at most 4 requests in flight per token (intake)");
        assertThat(post(OPERATOR_1, "/api/v1/events").getStatus()).isEqualTo(200);
    }

    @Test
    void refusesMatchOverTwentyPerSecondAfterItsBurstOfForty() throws Exception {
        for (int i = 0; i < 40; i++) {
            assertThat(post(HOTLINE, "/api/v1/recipients/match").getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = post(HOTLINE, "/api/v1/recipients/match");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(problem(refused).path("detail").asText())
                .isEqualTo("rate limit: at most 20 requests per second per token (match)");
    }

    @Test
    void refusesAMatchBodyOverSixteenKibibytesWith413EvenWithoutAContentLength() throws Exception {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/api/v1/recipients/match") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContent(new byte[16 * 1024 + 1]);
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletResponse refused = post(HOTLINE, chunked, chain);

        assertThat(refused.getStatus()).isEqualTo(413);
        assertThat(problem(refused).path("detail").asText()).isEqualTo("body: must be at most 16384 bytes (match)");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void handsAMatchBodyWithinTheCapToTheControllerUnchanged() throws Exception {
        MockHttpServletRequest request = request("/api/v1/recipients/match");
        byte[] body = "{\"name\":\"张伟\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        request.setContent(body);
        AtomicReference<byte[]> seen = new AtomicReference<>();

        post(HOTLINE, request, (req, res) -> seen.set(req.getInputStream().readAllBytes()));

        assertThat(seen.get()).isEqualTo(body);
    }

    @Test
    void leavesOtherRequestsAlone() throws Exception {
        AbuseLimitFilter strict = new AbuseLimitFilter(
                new AbuseLimits(new AbuseLimits.Group(1.0, 1, 1), null, null, DataSize.ofBytes(1), null, null, null),
                new ProblemResponses(),
                nanos::get);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(OPERATOR_1, null, List.of()));
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/v1/regions");
            MockHttpServletResponse response = new MockHttpServletResponse();
            strict.doFilter(get, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertThat(AbuseLimitFilter.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(AbuseLimitFilter.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
    }
}
