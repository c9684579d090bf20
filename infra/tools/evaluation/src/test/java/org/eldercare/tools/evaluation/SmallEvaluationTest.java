package org.eldercare.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.junit.jupiter.api.Test;

class SmallEvaluationTest {

    @Test
    void meetsTheResolutionAndMatchingGoalsOnAnUntunedSeed() {
        Regions regions = Regions.load();
        RecipientNormalizer normalizer =
                new RecipientNormalizer(Pii.withKey("evaluation-only-key-0001"), new Addresses(regions));
        EvaluationSet set = new EvaluationSetGenerator(7, regions).generate(300);

        EvaluationResult result = new Evaluation(normalizer).run(set, ResolutionThresholds.DEFAULT);

        assertThat(result.records()).isGreaterThan(600);
        // Uncertain links go to the review queue instead of being merged (docs/CONTRACT.md §7.6): automatic
        // decisions trade recall for precision, and the queue holds what they leave, so a reviewer deciding each
        // case right brings the F1 back.
        assertThat(result.precision()).as(result.report()).isGreaterThanOrEqualTo(0.995);
        assertThat(result.f1()).as(result.report()).isGreaterThanOrEqualTo(0.965);
        Contingency reviewed = result.queue().afterReview();
        assertThat(2 * reviewed.precision() * reviewed.recall() / (reviewed.precision() + reviewed.recall()))
                .as(result.report())
                .isGreaterThanOrEqualTo(0.985);
        assertThat(result.matchPrecision()).as(result.report()).isGreaterThanOrEqualTo(0.995);
        assertThat(result.top1Recall()).as(result.report()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void generatesTheSameSetFromTheSameSeed() {
        Regions regions = Regions.load();

        EvaluationSet a = new EvaluationSetGenerator(3, regions).generate(50);
        EvaluationSet b = new EvaluationSetGenerator(3, regions).generate(50);

        assertThat(a.records()).isEqualTo(b.records());
        assertThat(a.persons()).extracting(TruePerson::kind).contains("spouse", "namesake");
    }
}
