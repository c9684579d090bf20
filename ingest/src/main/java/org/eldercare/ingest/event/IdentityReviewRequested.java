package org.eldercare.ingest.event;

/**
 * Data of {@code identity.review.requested} (docs/CONTRACT.md §7.6): two recipients a hotline's match could not
 * tell apart, for the job to queue as a review case. Published by the API only.
 *
 * @param origin where the request came from; {@code MATCH} for now
 */
public record IdentityReviewRequested(String leftId, String rightId, String origin) implements EventData {

    @Override
    public String partitionKey() {
        return "review/" + (leftId.compareTo(rightId) <= 0 ? leftId + "|" + rightId : rightId + "|" + leftId);
    }
}
