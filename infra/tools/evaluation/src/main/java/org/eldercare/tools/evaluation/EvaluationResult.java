package org.eldercare.tools.evaluation;

import java.util.Locale;

/**
 * Figures of one evaluation run. Resolution is judged on record pairs (same person or not); matching on queries:
 * {@code matchPrecision} is the share of MATCH answers naming the right person (queries about absent people
 * included), {@code top1Recall}/{@code top10Recall} the share of queries about known people whose right person is
 * first / among the candidates, {@code matchRecall} the share answered MATCH with the right person.
 */
public record EvaluationResult(
        int persons,
        int records,
        int resolvedPersons,
        int merges,
        double precision,
        double recall,
        int queries,
        int matchAnswers,
        double matchPrecision,
        double matchRecall,
        double top1Recall,
        double top10Recall,
        double absentWithMatch,
        Evaluation.Queue queue) {

    public double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public String report() {
        return String.format(
                Locale.ROOT,
                "persons=%d records=%d resolvedPersons=%d merges=%d%n"
                        + "resolution: pairwise precision=%.4f recall=%.4f F1=%.4f%n"
                        + "matching: queries=%d MATCH answers=%d MATCH precision=%.4f MATCH recall=%.4f"
                        + " top-1 recall=%.4f top-10 recall=%.4f absent-person queries answered MATCH=%.4f%n"
                        + "%s",
                persons,
                records,
                resolvedPersons,
                merges,
                precision,
                recall,
                f1(),
                queries,
                matchAnswers,
                matchPrecision,
                matchRecall,
                top1Recall,
                top10Recall,
                absentWithMatch,
                queueReport(queue));
    }

    /**
     * The review queue (docs/CONTRACT.md §7.6). The resolution figures above are the automatic decisions alone: an
     * open case counts as two persons, as the job keeps it until a reviewer decides.
     */
    static String queueReport(Evaluation.Queue queue) {
        if (queue == null || queue.afterReview() == null) {
            return "";
        }
        double p = queue.afterReview().precision();
        double r = queue.afterReview().recall();
        return String.format(
                Locale.ROOT,
                "review queue: open cases=%d (same person=%d, two people=%d); after a reviewer decides them right:"
                        + " precision=%.4f recall=%.4f F1=%.4f",
                queue.open(),
                queue.samePerson(),
                queue.open() - queue.samePerson(),
                p,
                r,
                p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
