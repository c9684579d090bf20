package org.eldercare.api.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eldercare.api.intake.EventLog;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.IdentityReviewRequested;
import org.eldercare.search.match.Decision;
import org.eldercare.search.match.MatchCandidate;
import org.junit.jupiter.api.Test;

/** docs/CONTRACT.md §7.6: an undecided match asks for a review, and the hotline's answer does not wait for it. */
class ReviewRequestsTest {

    @Test
    void asksForAReviewOfTheFirstTwoWhenNoCandidateIsAMatch() throws Exception {
        SlowEventLog log = new SlowEventLog();
        ReviewRequests reviews = new ReviewRequests(log);

        reviews.requestIfUndecided(List.of(
                candidate("p-1", Decision.POSSIBLE),
                candidate("p-2", Decision.POSSIBLE),
                candidate("p-3", Decision.POSSIBLE)));

        assertThat(log.written)
                .as("the caller returned before the event log answered")
                .isEmpty();
        log.acknowledge.countDown();
        reviews.close();
        assertThat(log.written).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(EventType.IDENTITY_REVIEW_REQUESTED);
            assertThat(event.data()).isEqualTo(new IdentityReviewRequested("p-1", "p-2", "MATCH"));
        });
    }

    @Test
    void asksNothingWhenACandidateIsAMatchOrOnlyOneWasFound() throws Exception {
        SlowEventLog log = new SlowEventLog();
        log.acknowledge.countDown();
        ReviewRequests reviews = new ReviewRequests(log);

        reviews.requestIfUndecided(List.of(candidate("p-1", Decision.MATCH), candidate("p-2", Decision.POSSIBLE)));
        reviews.requestIfUndecided(List.of(candidate("p-3", Decision.POSSIBLE)));
        reviews.close();

        assertThat(log.written).isEmpty();
    }

    private static MatchCandidate candidate(String recipientId, Decision decision) {
        return new MatchCandidate(
                recipientId, 0.8, decision, List.of("name"), "张*国", null, null, 1940, "110109", "110109001", 1, null);
    }

    /** An event log whose acknowledgement waits for the test, as Kafka's can. */
    private static final class SlowEventLog implements EventLog {
        final CountDownLatch acknowledge = new CountDownLatch(1);
        final List<CareEvent> written = new CopyOnWriteArrayList<>();

        @Override
        public void append(List<CareEvent> events) {
            try {
                acknowledge.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.addAll(events);
        }

        @Override
        public void reject(List<Rejection> rejections) {}
    }
}
