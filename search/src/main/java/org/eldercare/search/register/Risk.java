package org.eldercare.search.register;

import java.util.Collection;
import java.util.Map;

/**
 * How urgently a street office should look at a person it does not reach (docs/CONTRACT.md §7.4): a weighted sum of
 * the person's labels, where someone living alone who is also moderately disabled or worse comes before everyone
 * else. The weights order the worklist; they are not a care assessment.
 */
public final class Risk {

    /** Added when a person lives alone and is moderately disabled or worse: nobody at home to notice. */
    static final int ALONE_AND_DISABLED = 10;

    private static final Map<CareLabel, Integer> WEIGHTS = Map.of(
            CareLabel.LIVING_ALONE, 3,
            CareLabel.DISABLED_MODERATE_OR_WORSE, 3,
            CareLabel.AGE_90_PLUS, 2,
            CareLabel.SPECIAL_HARDSHIP, 2,
            CareLabel.AGE_80_PLUS, 1,
            CareLabel.MINIMUM_SUBSISTENCE, 1,
            CareLabel.DISABLED_MILD, 1,
            CareLabel.EMPTY_NEST, 1,
            CareLabel.ASSESSMENT_OVERDUE, 1);

    private Risk() {}

    public static int score(Collection<CareLabel> labels) {
        int score = labels.stream().mapToInt(l -> WEIGHTS.getOrDefault(l, 0)).sum();
        if (labels.contains(CareLabel.LIVING_ALONE) && labels.contains(CareLabel.DISABLED_MODERATE_OR_WORSE)) {
            score += ALONE_AND_DISABLED;
        }
        return score;
    }
}
