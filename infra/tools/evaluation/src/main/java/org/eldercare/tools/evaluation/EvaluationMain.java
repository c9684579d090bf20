package org.eldercare.tools.evaluation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.resolve.ResolutionThresholds;

/**
 * Prints the resolution and matching figures for a generated evaluation set:
 * {@code EvaluationMain [--persons N] [--seed S] [--tune] [--review-margin M] [--explain-splits N]
 * [--resolve-parallelism N]}. With {@code --tune} it first searches the thresholds
 * on that seed and prints the grid, then the figures at the best point; report those figures on another seed.
 * With {@code --register} it runs the register evaluation instead ({@link RegisterEvaluation}; {@code --persons}
 * then counts registered people, 5,000 unless given). With {@code --coverage} (alone or after {@code --register}) it
 * runs the same register set through the whole streaming job and compares its coverage with an independent fold
 * ({@link CoverageEvaluation}). {@code --explain-splits N} adds why records of one person stayed apart ({@link
 * SplitDiagnosis}).
 */
public final class EvaluationMain {

    private EvaluationMain() {}

    public static void main(String[] args) {
        Integer persons = null;
        long seed = 2;
        boolean tune = false;
        boolean register = false;
        boolean coverage = false;
        Double reviewMargin = null;
        int explainSplits = 0;
        Integer resolveParallelism = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--persons" -> persons = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--tune" -> tune = true;
                case "--register" -> register = true;
                case "--coverage" -> coverage = true;
                case "--review-margin" -> reviewMargin = Double.parseDouble(args[++i]);
                case "--explain-splits" -> explainSplits = Integer.parseInt(args[++i]);
                case "--resolve-parallelism" -> resolveParallelism = Integer.parseInt(args[++i]);
                default ->
                    throw new IllegalArgumentException("arguments: unknown option " + args[i]
                            + "; expected --persons N, --seed S, --tune, --register, --coverage, --review-margin M,"
                            + " --explain-splits N, --resolve-parallelism N");
            }
        }
        ResolutionThresholds base = reviewMargin == null
                ? ResolutionThresholds.DEFAULT
                : ResolutionThresholds.DEFAULT.withReviewMargin(reviewMargin);
        if (register) {
            long start = System.nanoTime();
            RegisterEvaluation.Result result = RegisterEvaluation.run(seed, persons == null ? 5000 : persons, base);
            System.out.printf(Locale.ROOT, "seed=%d%n%s", seed, result.report());
            System.out.printf(Locale.ROOT, "took %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
        if (coverage) {
            long start = System.nanoTime();
            CoverageEvaluation.Result result = CoverageEvaluation.run(seed, persons == null ? 5000 : persons);
            System.out.printf(Locale.ROOT, "seed=%d%n%s", seed, result.report());
            System.out.printf(Locale.ROOT, "took %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
        if (register || coverage) {
            return;
        }
        Regions regions = Regions.load();
        // The evaluation data is synthetic; a fixed key keeps runs comparable.
        RecipientNormalizer normalizer =
                new RecipientNormalizer(Pii.withKey("evaluation-only-key-0001"), new Addresses(regions));
        EvaluationSet set = new EvaluationSetGenerator(seed, regions).generate(persons == null ? 3000 : persons);
        Evaluation evaluation = new Evaluation(normalizer);
        ResolutionThresholds thresholds = base;
        if (tune) {
            thresholds = tune(evaluation, set);
        }
        if (resolveParallelism != null) {
            compareWithTheJob(evaluation, set, thresholds, seed, resolveParallelism);
            return;
        }
        long start = System.nanoTime();
        Evaluation.Resolved resolved = evaluation.resolve(set, thresholds);
        EvaluationResult result = evaluation.match(set, resolved, thresholds);
        System.out.printf(
                Locale.ROOT,
                "seed=%d thresholds: link=%.3f mergeFloor=%.1f match=%.3f possible=%.2f matchMargin=%.1f"
                        + " reviewMargin=%.1f%n",
                seed,
                thresholds.link(),
                thresholds.mergeFloor(),
                thresholds.match(),
                thresholds.possible(),
                thresholds.matchMargin(),
                thresholds.reviewMargin());
        System.out.println(result.report());
        System.out.printf(Locale.ROOT, "took %d ms%n", (System.nanoTime() - start) / 1_000_000);
        if (explainSplits > 0) {
            SplitDiagnosis.print(set, resolved, thresholds, explainSplits, System.out);
        }
    }

    /**
     * Resolution in the streaming job ({@link ResolutionPipeline}, records prepared by {@code parallelism} instances
     * ahead of the one resolver) beside the resolver alone, in-process, on the same records in the same order:
     * pairwise P/R/F1 of both. Default thresholds only, as the job has no others.
     */
    private static void compareWithTheJob(
            Evaluation evaluation, EvaluationSet set, ResolutionThresholds thresholds, long seed, int parallelism) {
        if (!thresholds.equals(ResolutionThresholds.DEFAULT)) {
            throw new IllegalArgumentException(
                    "--resolve-parallelism: the job resolves with the default thresholds; drop --tune and --review-margin");
        }
        long start = System.nanoTime();
        Contingency alone = evaluation.resolve(set, thresholds).table();
        long aloneMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        ResolutionPipeline.Output job =
                ResolutionPipeline.run(ResolutionPipeline.serviceEvents(set), parallelism, "evaluation-only-key-0001");
        long jobMs = (System.nanoTime() - start) / 1_000_000;
        Contingency inJob = new Contingency();
        for (LabelledRecord r : set.records()) {
            String id = job.recipientOf().get(r.recordKey());
            if (id == null) {
                throw new IllegalStateException(
                        "resolution evaluation: the job wrote no document for " + r.recordKey());
            }
            inJob.add(r.recordKey(), id, r.truthId());
        }
        System.out.printf(
                Locale.ROOT,
                "seed=%d persons=%d records=%d%n",
                seed,
                set.persons().size(),
                set.records().size());
        System.out.printf(
                Locale.ROOT,
                "resolver alone (in-process):          P=%.4f R=%.4f F1=%.4f clusters=%d (%d ms)%n",
                alone.precision(),
                alone.recall(),
                f1(alone),
                alone.clusters().size(),
                aloneMs);
        System.out.printf(
                Locale.ROOT,
                "job, resolve.parallelism=%d:           P=%.4f R=%.4f F1=%.4f clusters=%d merges=%d (%d ms)%n",
                parallelism,
                inJob.precision(),
                inJob.recall(),
                f1(inJob),
                inJob.clusters().size(),
                job.merges(),
                jobMs);
    }

    private static double f1(Contingency c) {
        double p = c.precision();
        double r = c.recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * Resolution: the (link, mergeFloor) with the best F1. Matching: among (match, matchMargin) whose MATCH
     * precision is at least 0.998 (a margin over the 0.995 goal) and whose MATCH recall is within 0.005 of the
     * best such, the most cautious (highest match threshold, then widest margin).
     */
    static ResolutionThresholds tune(Evaluation evaluation, EvaluationSet set) {
        ResolutionThresholds best = ResolutionThresholds.DEFAULT;
        double bestF1 = -1;
        for (double link : List.of(0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)) {
            for (double floor : List.of(0.0, -4.0, 4.0)) {
                ResolutionThresholds t = best.withLink(link).withMergeFloor(floor);
                EvaluationResult r = evaluation.match(
                        set, evaluation.resolve(set, t), t.withMatch(1.0).withPossible(1.0));
                System.out.printf(
                        Locale.ROOT,
                        "tune resolution link=%.3f mergeFloor=%.1f -> P=%.4f R=%.4f F1=%.4f%n",
                        link,
                        floor,
                        r.precision(),
                        r.recall(),
                        r.f1());
                if (r.f1() > bestF1 + 1e-9) {
                    bestF1 = r.f1();
                    best = t;
                }
            }
        }
        ResolutionThresholds resolved = best;
        Evaluation.Resolved persons = evaluation.resolve(set, resolved);
        record Point(ResolutionThresholds t, EvaluationResult r) {}
        List<Point> points = new java.util.ArrayList<>();
        for (double match : List.of(0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.99)) {
            for (double margin : List.of(0.0, 1.0, 2.0, 3.0, 4.0)) {
                ResolutionThresholds t = resolved.withMatch(match).withMatchMargin(margin);
                EvaluationResult r = evaluation.match(set, persons, t);
                System.out.printf(
                        Locale.ROOT,
                        "tune match=%.3f margin=%.1f -> MATCH precision=%.4f MATCH recall=%.4f top1=%.4f%n",
                        match,
                        margin,
                        r.matchPrecision(),
                        r.matchRecall(),
                        r.top1Recall());
                points.add(new Point(t, r));
            }
        }
        List<Point> precise =
                points.stream().filter(p -> p.r().matchPrecision() >= 0.998).toList();
        double bestRecall =
                precise.stream().mapToDouble(p -> p.r().matchRecall()).max().orElse(0);
        // Within half a point of the best MATCH recall, prefer the most cautious setting.
        return precise.stream()
                .filter(p -> p.r().matchRecall() >= bestRecall - 0.005)
                .max(Comparator.comparingDouble((Point p) -> p.t().match())
                        .thenComparingDouble(p -> p.t().matchMargin()))
                .map(Point::t)
                .orElse(resolved);
    }
}
