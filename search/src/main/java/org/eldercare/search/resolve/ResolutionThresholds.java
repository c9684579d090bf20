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
 */
public record ResolutionThresholds(
        double link, double mergeFloor, double match, double possible, double matchMargin, EvidenceWeights weights)
        implements Serializable {

    /** Tuned on evaluation seed 1 and reported on seed 2 (see search/README.md, "Recipients"). */
    public static final ResolutionThresholds DEFAULT =
            new ResolutionThresholds(0.3, 0.0, 0.7, 0.3, 4.0, EvidenceWeights.DEFAULT);

    public ResolutionThresholds {
        if (!(possible <= match && match <= 1.0 && possible >= 0.0) || link <= 0.0 || link >= 1.0) {
            throw new IllegalArgumentException("thresholds: must satisfy 0 <= possible <= match <= 1 and 0 < link < 1");
        }
    }

    public ResolutionThresholds withLink(double value) {
        return new ResolutionThresholds(value, mergeFloor, match, possible, matchMargin, weights);
    }

    public ResolutionThresholds withMergeFloor(double value) {
        return new ResolutionThresholds(link, value, match, possible, matchMargin, weights);
    }

    public ResolutionThresholds withMatch(double value) {
        return new ResolutionThresholds(link, mergeFloor, value, possible, matchMargin, weights);
    }

    public ResolutionThresholds withPossible(double value) {
        return new ResolutionThresholds(link, mergeFloor, match, value, matchMargin, weights);
    }

    public ResolutionThresholds withMatchMargin(double value) {
        return new ResolutionThresholds(link, mergeFloor, match, possible, value, weights);
    }
}
