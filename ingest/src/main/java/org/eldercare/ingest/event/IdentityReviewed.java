package org.eldercare.ingest.event;

/**
 * Data of {@code identity.reviewed} (docs/CONTRACT.md §7.6): a reviewer's decision on a review case, published by
 * the API only.
 *
 * @param decision {@code CONFIRM} (one person: merge) or {@code SPLIT} (two people: never merge automatically)
 * @param reviewer the principal name of the reviewer
 */
public record IdentityReviewed(
        String caseId, String leftId, String rightId, ReviewDecision decision, String reviewer, String reason)
        implements EventData {

    @Override
    public String partitionKey() {
        return "review/" + caseId;
    }
}
