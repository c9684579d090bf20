package org.eldercare.api.recipient;

import jakarta.annotation.PreDestroy;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eldercare.api.intake.EventLog;
import org.eldercare.api.intake.EventLogUnavailableException;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.IdentityReviewRequested;
import org.eldercare.search.match.Decision;
import org.eldercare.search.match.MatchCandidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the job to queue an undecided match for a reviewer (docs/CONTRACT.md §7.6): two or more candidates and no
 * MATCH mean the first two may be one person the resolution kept apart.
 *
 * <p>The caller's answer never waits on this: the event is written by one background thread, after the response.
 * A request that cannot be written (Kafka unavailable, or {@value #BACKLOG} requests already waiting) is dropped with
 * a warning; it is a hint, not a fact, and the next such match asks again.
 */
@Component
class ReviewRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewRequests.class);
    static final int BACKLOG = 1_000;

    private final EventLog events;
    private final ThreadPoolExecutor writer;

    ReviewRequests(EventLog events) {
        this.events = events;
        this.writer = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BACKLOG),
                r -> Thread.ofPlatform().daemon().name("review-requests").unstarted(r));
    }

    /** Queues the first two candidates for review when {@code found} holds two or more and none is a MATCH. */
    void requestIfUndecided(List<MatchCandidate> found) {
        if (found.size() < 2 || found.stream().anyMatch(c -> c.decision() == Decision.MATCH)) {
            return;
        }
        String left = found.get(0).recipientId();
        String right = found.get(1).recipientId();
        try {
            writer.execute(() -> write(left, right));
        } catch (RejectedExecutionException e) {
            LOG.warn("review request for two POSSIBLE candidates dropped: {} already waiting", BACKLOG);
        }
    }

    private void write(String left, String right) {
        try {
            events.append(List.of(new CareEvent(
                    "review-request-" + UUID.randomUUID(),
                    CareEvent.REVIEWER_SOURCE_PREFIX + "hotline-match",
                    EventType.IDENTITY_REVIEW_REQUESTED,
                    OffsetDateTime.now(ZoneOffset.ofHours(8)),
                    new IdentityReviewRequested(left, right, "MATCH"))));
        } catch (EventLogUnavailableException e) {
            LOG.warn("review request for two POSSIBLE candidates not written: {}", e.getMessage());
        }
    }

    /** Writes what is waiting (bounded) so a clean shutdown loses no request already made. */
    @PreDestroy
    void close() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn(
                    "review requests: {} not written at shutdown",
                    writer.shutdownNow().size());
        }
    }
}
