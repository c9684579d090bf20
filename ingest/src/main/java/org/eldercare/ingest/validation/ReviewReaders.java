package org.eldercare.ingest.validation;

import java.time.Instant;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.IdentityReviewRequested;
import org.eldercare.ingest.event.IdentityReviewed;
import org.eldercare.ingest.event.ReviewDecision;

/** Readers of the review queue's events (docs/CONTRACT.md §7.6), which only the platform publishes. */
final class ReviewReaders {

    private static final Choice<ReviewDecision> DECISIONS = Choice.of(ReviewDecision.class);
    private static final int CASE_ID_MAX = 2 * Limits.REFERENCE_MAX + 1;
    private static final int REASON_MAX = 500;

    private ReviewReaders() {}

    static EventData reviewed(Fields data, Instant now) {
        String caseId = data.text("caseId", CASE_ID_MAX, true);
        String leftId = data.text("leftId", Limits.REFERENCE_MAX, true);
        String rightId = data.text("rightId", Limits.REFERENCE_MAX, true);
        String decisionName = data.string("decision", true);
        ReviewDecision decision = decisionName == null ? null : DECISIONS.find(decisionName);
        if (decisionName != null && decision == null) {
            data.error("decision", "must be CONFIRM or SPLIT");
        }
        String reviewer = data.text("reviewer", Limits.REFERENCE_MAX, true);
        String reason = data.text("reason", REASON_MAX, true);
        if (caseId != null && leftId != null && rightId != null && !caseId.equals(caseId(leftId, rightId))) {
            data.error("caseId", "must be leftId|rightId in ascending order");
        }
        return data.clean() ? new IdentityReviewed(caseId, leftId, rightId, decision, reviewer, reason) : null;
    }

    static EventData requested(Fields data, Instant now) {
        String leftId = data.text("leftId", Limits.REFERENCE_MAX, true);
        String rightId = data.text("rightId", Limits.REFERENCE_MAX, true);
        String origin = data.string("origin", true);
        if (origin != null && !origin.equals("MATCH")) {
            data.error("origin", "must be MATCH");
        }
        if (leftId != null && leftId.equals(rightId)) {
            data.error("rightId", "must differ from leftId");
        }
        return data.clean() ? new IdentityReviewRequested(leftId, rightId, origin) : null;
    }

    private static String caseId(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }
}
