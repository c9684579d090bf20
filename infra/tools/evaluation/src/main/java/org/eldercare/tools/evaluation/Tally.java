package org.eldercare.tools.evaluation;

/**
 * True positives, false positives and false negatives of one yes/no judgement, with precision and recall; an empty
 * denominator counts as 1 (nothing claimed, nothing wrong).
 */
record Tally(long truePositives, long falsePositives, long falseNegatives) {

    static final Tally ZERO = new Tally(0, 0, 0);

    /** This tally with one more judgement: {@code predicted} by the pipeline, {@code actual} in the truth. */
    Tally count(boolean predicted, boolean actual) {
        return new Tally(
                truePositives + (predicted && actual ? 1 : 0),
                falsePositives + (predicted && !actual ? 1 : 0),
                falseNegatives + (!predicted && actual ? 1 : 0));
    }

    Tally plus(Tally o) {
        return new Tally(
                truePositives + o.truePositives, falsePositives + o.falsePositives, falseNegatives + o.falseNegatives);
    }

    double precision() {
        long claimed = truePositives + falsePositives;
        return claimed == 0 ? 1.0 : (double) truePositives / claimed;
    }

    double recall() {
        long actual = truePositives + falseNegatives;
        return actual == 0 ? 1.0 : (double) truePositives / actual;
    }
}
