package org.eldercare.tools.evaluation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * The register evaluation (issue #15): a generated register with its service records goes through the real pipeline
 * (the records through {@code search}'s resolution in-process, as {@link Evaluation} runs it; the register events
 * through the job's {@code PersonRegister} on a MiniCluster), and the output is scored against the generator's truth
 * ({@link RegisterScores}). The evaluation date is the day the job labels on: today in Asia/Shanghai.
 */
public final class RegisterEvaluation {

    /** The key both the resolution and the job digest ID numbers with, so the worklist's join works as deployed. */
    static final String KEY = "evaluation-only-key-0001";

    private RegisterEvaluation() {}

    /** Generates {@code registered} people from {@code seed} and scores the pipeline on them. */
    public static Result run(long seed, int registered, ResolutionThresholds thresholds) {
        Regions regions = Regions.load();
        LocalDate today = LocalDate.ofEpochDay(ShanghaiTime.epochDay(System.currentTimeMillis()));
        RegisterSet set = new RegisterSetGenerator(seed, regions).generate(registered, today);
        return run(set, thresholds, regions);
    }

    static Result run(RegisterSet set, ResolutionThresholds thresholds, Regions regions) {
        RecipientNormalizer normalizer = new RecipientNormalizer(Pii.withKey(KEY), new Addresses(regions));
        Evaluation.Resolved resolved = new Evaluation(normalizer).resolve(set.asEvaluationSet(), thresholds);
        Map<String, PersonDocument> docs = RegisterPipeline.run(set.events(), KEY);
        return new Result(set, resolved, docs, RegisterScores.score(set, docs, resolved));
    }

    /** The figures of one run. */
    public static final class Result {
        private final RegisterSet set;
        private final Evaluation.Resolved resolved;
        private final Map<String, PersonDocument> docs;
        private final RegisterScores scores;

        Result(RegisterSet set, Evaluation.Resolved resolved, Map<String, PersonDocument> docs, RegisterScores scores) {
            this.set = set;
            this.resolved = resolved;
            this.docs = docs;
            this.scores = scores;
        }

        RegisterSet set() {
            return set;
        }

        Evaluation.Resolved resolved() {
            return resolved;
        }

        /** The job's last document per person id. */
        Map<String, PersonDocument> docs() {
            return docs;
        }

        RegisterScores scores() {
            return scores;
        }

        public double resolutionPrecision() {
            return resolved.table().precision();
        }

        public double resolutionRecall() {
            return resolved.table().recall();
        }

        public double resolutionF1() {
            double p = resolutionPrecision(), r = resolutionRecall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Labels reaching service records through resolution and the worklist's join: 1 - wrong-person share. */
        public double labelPrecision() {
            return scores.recordTotal().precision();
        }

        public double labelRecall() {
            return scores.recordTotal().recall();
        }

        /** The job's labels on the register's own documents. */
        public double registerLabelPrecision() {
            return scores.registerTotal().precision();
        }

        public double registerLabelRecall() {
            return scores.registerTotal().recall();
        }

        public String report() {
            StringBuilder out = new StringBuilder();
            Map<String, Long> kinds = set.persons().stream()
                    .collect(Collectors.groupingBy(TruePerson::kind, java.util.TreeMap::new, Collectors.counting()));
            out.append(String.format(
                    Locale.ROOT,
                    "register evaluation on %s (labels as of %s, Asia/Shanghai)%n"
                            + "people=%d (registered=%d, %d without ID number; served but unregistered=%d) kinds=%s%n"
                            + "register events=%d person documents=%d service records=%d resolved recipients=%d%n",
                    set.evaluationDate(),
                    scores.labelDays,
                    set.persons().size(),
                    scores.registered,
                    set.facts().values().stream()
                            .filter(f -> !f.registeredWithId())
                            .count(),
                    set.persons().size() - scores.registered,
                    kinds,
                    set.events().size(),
                    scores.documents,
                    set.records().size(),
                    resolved.store().persons().size()));
            out.append(String.format(
                    Locale.ROOT,
                    "resolution: pairwise precision=%.4f recall=%.4f F1=%.4f   (goals: precision >= 0.995, F1 >= 0.99%s)%n",
                    resolutionPrecision(),
                    resolutionRecall(),
                    resolutionF1(),
                    resolutionPrecision() >= 0.995 && resolutionF1() >= 0.99 ? ": met" : ": MISSED"));
            out.append(EvaluationResult.queueReport(resolved.queue())).append(String.format("%n"));
            out.append("  false-merge record pairs by case: ")
                    .append(scores.falseMergePairsByCase)
                    .append(String.format("%n  missed record pairs by kind of person: "))
                    .append(scores.missedPairsByKind)
                    .append(String.format("%n"));
            out.append(String.format(
                    Locale.ROOT,
                    "labels on service records (resolution + ID-digest join, CONTRACT §7.4): label precision=%.5f"
                            + " label recall=%.4f   (goal: label precision >= 0.999%s)%n",
                    labelPrecision(),
                    labelRecall(),
                    labelPrecision() >= 0.999 ? ": met" : ": MISSED"));
            out.append("  wrong-person labels by case: ")
                    .append(scores.wrongPersonLabelsByCase)
                    .append(String.format("%n"));
            out.append(String.format(
                    Locale.ROOT,
                    "register labels (job's persons documents vs truth): label precision=%.5f label recall=%.5f%n",
                    registerLabelPrecision(),
                    registerLabelRecall()));
            out.append(String.format(
                    Locale.ROOT,
                    "served (registered with ID; shown served vs really served): precision=%.4f recall=%.4f"
                            + " (tp=%d fp=%d fn=%d)%n",
                    scores.served.precision(),
                    scores.served.recall(),
                    scores.served.truePositives(),
                    scores.served.falsePositives(),
                    scores.served.falseNegatives()));
            out.append(String.format(
                    Locale.ROOT,
                    "%-28s %8s %10s %10s | %10s %10s %10s%n",
                    "label",
                    "holders",
                    "reg. P",
                    "reg. R",
                    "records",
                    "record P",
                    "record R"));
            for (CareLabel l : CareLabel.values()) {
                Tally reg = scores.registerLabels.get(l);
                Tally rec = scores.recordLabels.get(l);
                out.append(String.format(
                        Locale.ROOT,
                        "%-28s %8d %10.5f %10.5f | %10d %10.5f %10.5f%n",
                        l,
                        reg.truePositives() + reg.falseNegatives(),
                        reg.precision(),
                        reg.recall(),
                        rec.truePositives() + rec.falseNegatives(),
                        rec.precision(),
                        rec.recall()));
            }
            return out.toString();
        }
    }
}
