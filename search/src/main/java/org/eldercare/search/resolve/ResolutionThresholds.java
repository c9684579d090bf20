package org.eldercare.search.resolve;

import java.io.Serializable;

/**
 * Every decision threshold of recipient resolution and matching, in one place. Probabilities are those of
 * {@link EvidenceScorer}.
 *
 * @param link a record joins an existing person at or above this probability (and with no conflict)
 * @param mergeFloor two persons a record links to are merged only if, compared with each other, their own
 *     log-odds is at least this: a record may look like both namesakes, which does not make them one person
 * @param match a match candidate at or above this is {@code MATCH}
 * @param possible a match candidate at or above this is {@code POSSIBLE}; below it is left out
 * @param matchMargin a {@code MATCH} must lead every other candidate by this much log-odds, else all are
 *     {@code POSSIBLE}: a hotline must not be told "this is the person" when two people fit
 * @param weights the evidence weights
 * @param reviewMargin a link that agrees on an identifying field and whose log-odds is less than this above
 *     {@code link}'s is uncertain: it is queued for a reviewer instead of taken (docs/CONTRACT.md §7.6). 0 turns
 *     the margin off (the ambiguous name-and-street links are still queued)
 */
public record ResolutionThresholds(
        double link,
        double mergeFloor,
        double match,
        double possible,
        double matchMargin,
        EvidenceWeights weights,
        double reviewMargin)
        implements Serializable {

    /**
     * Tuned on evaluation seeds 2 and 3 (infra/tools/evaluation): 3.0 (picked on seed 1) and 2.0 leave the same
     * precision, 2.0 queues fewer links; 0 loses precision on seed 2.
     */
    public static final double REVIEW_MARGIN = 2.0;

    /** Tuned on evaluation seed 1 and reported on seed 2 (see search/README.md, "Recipients"). */
    public static final ResolutionThresholds DEFAULT =
            new ResolutionThresholds(0.3, 0.0, 0.7, 0.3, 4.0, EvidenceWeights.DEFAULT, REVIEW_MARGIN);

    public ResolutionThresholds {
        if (!(possible <= match && match <= 1.0 && possible >= 0.0) || link <= 0.0 || link >= 1.0) {
            throw new IllegalArgumentException("thresholds: must satisfy 0 <= possible <= match <= 1 and 0 < link < 1");
        }
        if (reviewMargin < 0) {
            throw new IllegalArgumentException("thresholds: reviewMargin must be at least 0");
        }
    }

    public ResolutionThresholds withLink(double value) {
        return new ResolutionThresholds(value, mergeFloor, match, possible, matchMargin, weights, reviewMargin);
    }

    public ResolutionThresholds withMergeFloor(double value) {
        return new ResolutionThresholds(link, value, match, possible, matchMargin, weights, reviewMargin);
    }

    public ResolutionThresholds withMatch(double value) {
        return new ResolutionThresholds(link, mergeFloor, value, possible, matchMargin, weights, reviewMargin);
    }

    public ResolutionThresholds withPossible(double value) {
        return new ResolutionThresholds(link, mergeFloor, match, value, matchMargin, weights, reviewMargin);
    }

    public ResolutionThresholds withMatchMargin(double value) {
        return new ResolutionThresholds(link, mergeFloor, match, possible, value, weights, reviewMargin);
    }

    public ResolutionThresholds withReviewMargin(double value) {
        return new ResolutionThresholds(link, mergeFloor, match, possible, matchMargin, weights, value);
    }

    /** The log-odds of {@link #link}. */
    public double linkLogOdds() {
        return Math.log(link / (1 - link));
    }

    /**
     * Whether a comparison reaches the link threshold with no conflict at all; such a link is taken unless the margin
     * rule of docs/CONTRACT.md §7.6 queues it.
     */
    public boolean links(Score score) {
        return !score.conflict() && score.logOdds() >= linkLogOdds();
    }

    /**
     * The margin rule of docs/CONTRACT.md §7.6 between two persons: their link is uncertain inside the review
     * margin, or when it agrees on no identifying field (idNumber, phone, birthDate): two persons of one name are
     * namesakes of each other. A record's link is judged by {@link RecipientResolver} with {@link #inMargin}.
     */
    public boolean uncertain(Score score) {
        return inMargin(score) || !score.identifying();
    }

    /** Whether a comparison's log-odds lie less than {@link #reviewMargin} above {@link #link}'s. */
    public boolean inMargin(Score score) {
        return score.logOdds() < linkLogOdds() + reviewMargin;
    }
}
