package org.eldercare.api.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eldercare.api.system.Caller;
import org.eldercare.api.system.ProblemResponses;
import org.eldercare.api.system.Role;
import org.eldercare.search.document.IndicatorDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The live indicator stream as a browser sees it: committed at once with a snapshot, changes pushed,
 * failures told to the client and to the status page, and the open streams capped (docs/CONTRACT.md §6.1).
 */
class IndicatorStreamTest {

    static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    final List<IndicatorDocument> index = new CopyOnWriteArrayList<>();
    final AtomicReference<RuntimeException> indexFailure = new AtomicReference<>();
    IndicatorBroadcaster broadcaster;
    MockMvc mvc;

    @BeforeEach
    void stream() {
        broadcaster = new IndicatorBroadcaster(
                () -> {
                    if (indexFailure.get() != null) {
                        throw indexFailure.get();
                    }
                    return List.copyOf(index);
                },
                new StreamProperties(Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofMinutes(30), 2, 3),
                Clock.fixed(NOW, ZoneOffset.UTC));
        mvc = MockMvcBuilders.standaloneSetup(new IndicatorStreamController(broadcaster, new ProblemResponses()))
                .build();
        signIn("planner-1");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void commitsTheStreamAtOnceWithAConnectedCommentAndEveryScope() throws Exception {
        index.add(scope("110109", 3, "2026-12-01T10:00:00+08:00"));
        index.add(scope("110109001", 3, "2026-12-01T10:00:00+08:00"));

        MockHttpServletResponse response = open();

        String body = response.getContentAsString();
        assertThat(body).startsWith(":connected\n\n");
        assertThat(body).contains("event:indicator\nid:110109\n", "event:indicator\nid:110109001\n");
        assertThat(response.getContentType()).startsWith("text/event-stream");
    }

    @Test
    void opensEvenWhenNoScopeHasIndicatorsYet() throws Exception {
        assertThat(open().getContentAsString()).isEqualTo(":connected\n\n");
    }

    @Test
    void aSecondClientGetsTheSnapshotThatTheFirstAlreadyHad() throws Exception {
        index.add(scope("110109", 3, "2026-12-01T10:00:00+08:00"));
        open();
        broadcaster.poll();

        assertThat(open().getContentAsString()).contains("id:110109\n");
    }

    @Test
    void pushesOnlyTheScopesWhoseIndicatorsMoved() throws Exception {
        index.add(scope("110109", 3, "2026-12-01T10:00:00+08:00"));
        index.add(scope("110109001", 3, "2026-12-01T10:00:00+08:00"));
        MockHttpServletResponse response = open();
        broadcaster.poll();
        int before = response.getContentAsString().length();

        index.set(1, scope("110109001", 5, "2026-12-01T10:00:05+08:00"));
        broadcaster.poll();

        String pushed = response.getContentAsString().substring(before);
        assertThat(pushed)
                .contains("id:110109001\n")
                .contains("\"occupiedBeds\":5")
                .doesNotContain("id:110109\n");
    }

    @Test
    void aFailedReadReachesTheClientAsAnErrorEventAndTheStatusAsDown() throws Exception {
        MockHttpServletResponse response = open();
        IndicatorStreamCheck check = new IndicatorStreamCheck(broadcaster);
        assertThat(check.check().up()).isTrue();

        indexFailure.set(new IllegalStateException("index_not_found_exception"));
        broadcaster.poll();

        assertThat(response.getContentAsString())
                .contains("event:unavailable\n")
                .contains("INDICATORS_UNAVAILABLE");
        assertThat(check.check().up()).isFalse();
        assertThat(check.check().detail()).contains("index_not_found_exception").contains(NOW.toString());

        indexFailure.set(null);
        broadcaster.poll();
        assertThat(check.check().up()).isTrue();
    }

    @Test
    void refusesAThirdStreamForOneTokenWith429AndRetryAfter() throws Exception {
        open();
        open();

        MockHttpServletResponse third =
                mvc.perform(get("/api/v1/indicators/stream")).andReturn().getResponse();

        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("10");
        assertThat(third.getContentType()).isEqualTo("application/problem+json");
        assertThat(third.getContentAsString()).contains("at most 2 open streams per token");
    }

    @Test
    void refusesStreamsBeyondTheServersTotalWhateverTheToken() throws Exception {
        open();
        signIn("planner-2");
        open();
        open();
        signIn("planner-3");

        MockHttpServletResponse fourth =
                mvc.perform(get("/api/v1/indicators/stream")).andReturn().getResponse();

        assertThat(fourth.getStatus()).isEqualTo(429);
        assertThat(fourth.getContentAsString()).contains("maximum of 3 open streams");
    }

    @Test
    void aClosedStreamGivesItsSlotBack() throws Exception {
        MvcResult first = mvc.perform(get("/api/v1/indicators/stream")).andReturn();
        open();

        first.getRequest().getAsyncContext().complete(); // the browser went away

        assertThat(broadcaster.openStreams()).isEqualTo(1);
        assertThat(open().getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse open() throws Exception {
        return mvc.perform(get("/api/v1/indicators/stream"))
                .andExpect(request().asyncStarted())
                .andReturn()
                .getResponse();
    }

    private static void signIn(String name) {
        Caller caller = new Caller(name, Role.PLANNER, null);
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(caller, null, List.of()));
    }

    static IndicatorDocument scope(String code, long occupiedBeds, String asOf) {
        String level = code.length() == 6 ? IndicatorDocument.DISTRICT : IndicatorDocument.STREET;
        return new IndicatorDocument(
                code,
                "scope " + code,
                level,
                1000L,
                200L,
                10,
                10.0,
                0,
                0.0,
                occupiedBeds,
                occupiedBeds / 10.0,
                0,
                1,
                0,
                0,
                0,
                0,
                null,
                0,
                0,
                0,
                List.of(),
                OffsetDateTime.parse(asOf));
    }
}
