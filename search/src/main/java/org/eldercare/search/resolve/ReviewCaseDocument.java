package org.eldercare.search.resolve;

import java.util.List;

/**
 * A review case as the {@code review-cases} index holds it (docs/CONTRACT.md §7.6): both sides masked, the
 * evidence per field, the status, and the decision once one was applied. Times are RFC 3339 strings.
 *
 * @param status {@code OPEN}, {@code CONFIRMED}, {@code SPLIT}, or {@code MERGED} when a later record merged its two
 *     sides on its own
 * @param idDigests the keyed ID digests of both sides, to order entitled people first; never returned by the API
 * @param decision null while open
 */
public record ReviewCaseDocument(
        String caseId,
        String status,
        String reason,
        double probability,
        double logOdds,
        String raisedAt,
        String updatedAt,
        ReviewCase.Side left,
        ReviewCase.Side right,
        List<FieldEvidence> evidence,
        List<String> idDigests,
        Decision decision) {

    public static final String OPEN = "OPEN";
    /** Closed without a decision: a later record merged the two sides automatically (docs/CONTRACT.md §7.6). */
    public static final String MERGED = "MERGED";

    public ReviewCaseDocument {
        evidence = List.copyOf(evidence);
        idDigests = List.copyOf(idDigests);
    }

    /** A reviewer's decision as applied by the job. */
    public record Decision(String decision, String reviewer, String reason, String decidedAt) {}

    /** The open case, as raised at {@code updatedAt}. */
    public static ReviewCaseDocument open(ReviewCase c, String updatedAt) {
        return new ReviewCaseDocument(
                c.caseId(),
                OPEN,
                c.reason().name(),
                c.probability(),
                c.logOdds(),
                c.raisedAt().toString(),
                updatedAt,
                c.left(),
                c.right(),
                c.evidence(),
                c.idDigests().stream().sorted().toList(),
                null);
    }

    /** This case closed as {@link #MERGED} at {@code at}: nothing is left to decide. */
    public ReviewCaseDocument mergedOnItsOwn(String at) {
        return decided(MERGED, null, at);
    }

    /** This case decided: {@code CONFIRMED} or {@code SPLIT}. */
    public ReviewCaseDocument decided(String status, Decision by, String at) {
        return new ReviewCaseDocument(
                caseId, status, reason, probability, logOdds, raisedAt, at, left, right, evidence, idDigests, by);
    }
}
