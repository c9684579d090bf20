package org.eldercare.api.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Load test of docs/CONTRACT.md §6.3 (a test of behaviour under load, not of speed): one token floods the intake
 * from 8 threads while another sends at a steady pace well under its limit, both over loopback HTTP against the
 * app with the intake fakes, after a warm-up with a third token. The well-behaved token's requests must all be
 * answered 202 while the abusive one is answered 429 and held to its bucket. Both tokens' rates are printed.
 *
 * <p>The limits default to 20 requests/s, burst 20, 2 in flight, and the well-behaved pace to 10 requests/s, so
 * the abusive token crosses its limit even on a loaded 2-core machine. {@code -Dabuse.rate=50 -Dabuse.burst=100
 * -Dabuse.concurrent=4 -Dabuse.polite-interval-ms=50} runs it with the production defaults and 20 requests/s.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eldercare.limits.intake.requests-per-second=${abuse.rate:20}",
            "eldercare.limits.intake.burst=${abuse.burst:20}",
            "eldercare.limits.intake.concurrent=${abuse.concurrent:2}"
        })
@ActiveProfiles("test")
@Import(IntakeFakes.class)
class AbusiveTokenIT {

    static final Duration WARM_UP = Duration.ofSeconds(3);
    static final Duration RUN = Duration.ofSeconds(8);
    static final int ABUSIVE_THREADS = 8;

    @Value("${eldercare.limits.intake.requests-per-second}")
    double rate;

    @Value("${eldercare.limits.intake.burst}")
    int burst;

    @Value("${abuse.polite-interval-ms:100}")
    long politeIntervalMillis;

    @LocalServerPort
    int port;

    /** One client per thread, so no thread waits on another's connection or selector. */
    final ThreadLocal<HttpClient> http = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build());

    final AtomicInteger ids = new AtomicInteger();

    /** Statuses answered to one token, counted by status code. */
    static final class Tally {
        final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

        void count(int status) {
            byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        }

        long of(int status) {
            LongAdder n = byStatus.get(status);
            return n == null ? 0 : n.sum();
        }

        long total() {
            return byStatus.values().stream().mapToLong(LongAdder::sum).sum();
        }

        Map<Integer, Long> sorted() {
            Map<Integer, Long> sorted = new TreeMap<>();
            byStatus.forEach((status, n) -> sorted.put(status, n.sum()));
            return sorted;
        }
    }

    @Test
    void oneAbusiveTokenDoesNotStarveAWellBehavedOne() throws Exception {
        warmUp();
        Tally abusive = new Tally();
        Tally polite = new Tally();
        long start = System.nanoTime();
        long end = start + RUN.toNanos();

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < ABUSIVE_THREADS; i++) {
            threads.add(Thread.ofPlatform().name("abusive-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    abusive.count(post("demo-operator-2", "op-2"));
                }
            }));
        }
        threads.add(Thread.ofPlatform().name("polite").start(() -> {
            while (System.nanoTime() < end) {
                polite.count(post("demo-operator-1", "op-1"));
                sleep(Duration.ofMillis(politeIntervalMillis));
            }
        }));
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf(
                "[abuse] limits %s requests/s, burst %d; well-behaved pace every %d ms; load average %.1f%n",
                rate,
                burst,
                politeIntervalMillis,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        System.out.printf(
                "[abuse] over %.1f s: well-behaved token %d requests, %.1f requests/s, %.1f accepted (202)/s, by status %s%n",
                seconds, polite.total(), polite.total() / seconds, polite.of(202) / seconds, polite.sorted());
        System.out.printf(
                "[abuse] over %.1f s: abusive token %d requests, %.1f requests/s, %.1f accepted (202)/s, by status %s%n",
                seconds, abusive.total(), abusive.total() / seconds, abusive.of(202) / seconds, abusive.sorted());

        assertThat(polite.total()).isPositive();
        assertThat(polite.of(202)).as("every well-behaved request answered 202").isEqualTo(polite.total());
        assertThat(abusive.of(429)).as("the abusive token refused with 429").isPositive();
        assertThat(abusive.of(202))
                .as("the abusive token held to its burst plus its rate")
                .isLessThanOrEqualTo(burst + (long) Math.ceil(rate * seconds) + 1);
    }

    /** JIT-compiles the intake and refusal paths with a third token, whose bucket the measured ones do not share. */
    private void warmUp() throws InterruptedException {
        long end = System.nanoTime() + WARM_UP.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(Thread.ofPlatform().name("warm-up-" + i).start(() -> {
                while (System.nanoTime() < end) {
                    post("demo-planner", "op-1");
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private int post(String token, String operator) {
        String body = EventIntakeTest.bedOccupied(operator, "abuse-" + ids.incrementAndGet(), "f-1", 1);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", EventController.SINGLE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.get()
                    .send(request, HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
