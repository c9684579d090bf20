package org.eldercare.infra.platform.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.infra.platform.it.CareEvents.batch;
import static org.eldercare.infra.platform.it.CareEvents.bedOccupied;
import static org.eldercare.infra.platform.it.CareEvents.event;
import static org.eldercare.infra.platform.it.CareEvents.registered;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops the platform in the middle of a stream of events, by SIGTERM and then by SIGKILL, starts it
 * again on the same data dir, resends what a client would resend, and expects exactly the indicators
 * of the events sent: nothing lost, nothing counted twice.
 */
// The slow tier: `./eldercare test` runs it after every other test (README, "Tests").
@Tag("slow")
class RestartIT {

    static final String STREET = "110115001";
    static final int BATCHES = 40;
    static final int PER_BATCH = 25;
    static final Duration CATCH_UP = Duration.ofSeconds(180);

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryAcceptedEventExactlyOnceAcrossSigtermAndSigkill() throws Exception {
        Path log = Files.createTempFile("eldercare-restart-it", ".log");
        java.time.LocalDate day = java.time.LocalDate.now(CareEvents.SHANGHAI);
        List<String> batches = occupancyBatches();

        AppProcess first = AppProcess.start(dataDir, log);
        new PlatformClient(first.port)
                .postBatch(
                        "demo-operator-1", batch(List.of(registered("op-1", "rs-home", "INSTITUTION", STREET, 5000))));
        CompletableFuture<Void> sending = sendAll(first.port, batches.subList(0, 20));
        Thread.sleep(1500);
        first.terminate();
        sending.handle((ok, failure) -> null).join();

        AppProcess second = AppProcess.start(dataDir, log);
        resendAll(second.port, batches.subList(0, 20));
        CompletableFuture<Void> more = sendAll(second.port, batches.subList(20, BATCHES));
        Thread.sleep(1500);
        second.kill();
        more.handle((ok, failure) -> null).join();

        try (AppProcess third = AppProcess.start(dataDir, log)) {
            PlatformClient client = new PlatformClient(third.port);
            resendAll(third.port, batches);
            client.awaitCaughtUp(CATCH_UP);
            JsonNode street = client.awaitOrFail(
                            "occupied beds of " + STREET,
                            Duration.ofSeconds(60),
                            () -> client.get("demo-planner", "/api/v1/indicators/streets/" + STREET),
                            r -> r.status() == 200
                                    && r.body().path("occupiedBeds").asLong() >= BATCHES * PER_BATCH)
                    .body();

            assertThat(street.path("occupiedBeds").asLong()).isEqualTo((long) BATCHES * PER_BATCH);
            if (day.equals(java.time.LocalDate.now(CareEvents.SHANGHAI))) {
                // Today's meals roll over at midnight in Shanghai; a run across it counts them on yesterday.
                assertThat(street.path("mealsServedToday").asLong()).isEqualTo((long) BATCHES * PER_BATCH);
            }
            assertThat(street.path("institutions").asLong()).isEqualTo(1);
        }
    }

    /** Each batch: one bed taken and one meal served per event pair, with ids stable across resends. */
    static List<String> occupancyBatches() {
        List<String> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            List<String> events = new ArrayList<>();
            for (int i = 0; i < PER_BATCH; i++) {
                events.add(bedOccupied("op-1", "rs-occ-" + b + "-" + i, "rs-home", 1));
                events.add(event(
                        "op-1",
                        "rs-meal-" + b + "-" + i,
                        "meal.served",
                        "{\"facilityId\":\"rs-home\",\"meals\":1,\"mealType\":\"DINNER\"}"));
            }
            batches.add(batch(events));
        }
        return batches;
    }

    static CompletableFuture<Void> sendAll(int port, List<String> batches) {
        return CompletableFuture.runAsync(() -> {
            PlatformClient client = new PlatformClient(port);
            for (String batch : batches) {
                client.postBatch("demo-operator-1", batch);
            }
        });
    }

    /** What a client does after failures: resend until each batch is answered 202. */
    static void resendAll(int port, List<String> batches) {
        PlatformClient client = new PlatformClient(port);
        for (String batch : batches) {
            client.awaitOrFail(
                    "a resent batch accepted",
                    Duration.ofSeconds(60),
                    () -> client.postBatch("demo-operator-1", batch),
                    r -> r.status() == 202 && r.body().path("rejected").isEmpty());
        }
    }
}
