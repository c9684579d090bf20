package org.eldercare.tools.evaluation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.search.resolve.EvidenceScorer;
import org.eldercare.search.resolve.FieldEvidence;
import org.eldercare.search.resolve.Person;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.Score;

/**
 * Why records of one true person ended under more than one recipient ({@code --explain-splits N}): for each true
 * person split over clusters, each smaller cluster is compared with the largest as the resolver would compare them
 * now, and the missed record pairs are tallied by what kept them apart (a conflict, below the link threshold with
 * the fields that differed, or a link the review margin holds). Prints the tally and the {@code N} costliest splits
 * with their records. Synthetic data only; the records are printed in clear.
 */
final class SplitDiagnosis {

    private SplitDiagnosis() {}

    static void print(
            EvaluationSet set,
            Evaluation.Resolved resolved,
            ResolutionThresholds thresholds,
            int examples,
            PrintStream out) {
        EvidenceScorer scorer = new EvidenceScorer(thresholds.weights());
        Map<String, TruePerson> truth = set.persons().stream().collect(Collectors.toMap(TruePerson::truthId, p -> p));
        Map<String, Map<String, List<LabelledRecord>>> byTruth = new HashMap<>();
        for (LabelledRecord r : set.records()) {
            byTruth.computeIfAbsent(r.truthId(), k -> new HashMap<>())
                    .computeIfAbsent(resolved.clusterOf().get(r.recordKey()), k -> new ArrayList<>())
                    .add(r);
        }
        record Split(String kind, String cause, long missed, String text) {}
        List<Split> splits = new ArrayList<>();
        for (var entry : byTruth.entrySet()) {
            Map<String, List<LabelledRecord>> clusters = entry.getValue();
            if (clusters.size() < 2) {
                continue;
            }
            String largest = clusters.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, List<LabelledRecord>> e) ->
                                    e.getValue().size())
                            .thenComparing(Map.Entry::getKey))
                    .orElseThrow()
                    .getKey();
            Optional<Person> main = resolved.store().get(largest);
            TruePerson person = truth.get(entry.getKey());
            for (var other : clusters.entrySet()) {
                if (other.getKey().equals(largest)) {
                    continue;
                }
                Optional<Person> side = resolved.store().get(other.getKey());
                long missed =
                        (long) other.getValue().size() * clusters.get(largest).size();
                if (main.isEmpty() || side.isEmpty()) {
                    splits.add(new Split(person.kind(), "unknown", missed, ""));
                    continue;
                }
                Score s = scorer.score(side.get().profile(), main.get().profile());
                String cause = s.conflict()
                        ? "conflict"
                        : thresholds.links(s)
                                ? (thresholds.uncertain(s) ? "held (margin or name only)" : "links now")
                                : "below link, differ " + differing(s);
                StringBuilder text = new StringBuilder();
                text.append(String.format(
                        Locale.ROOT,
                        "%s %s %s name=%s id=%s birth=%s phones=%s%n  score %.2f %s%n",
                        person.truthId(),
                        person.kind(),
                        cause,
                        person.name(),
                        person.idNumber(),
                        person.birthDate(),
                        person.phones(),
                        s.logOdds(),
                        evidence(s)));
                for (LabelledRecord r : clusters.get(largest)) {
                    text.append("  main  ").append(describe(r.recipient())).append('\n');
                }
                for (LabelledRecord r : other.getValue()) {
                    text.append("  split ").append(describe(r.recipient())).append('\n');
                }
                splits.add(new Split(person.kind(), cause, missed, text.toString()));
            }
        }
        Map<String, Long> byCause = new TreeMap<>();
        splits.forEach(s -> byCause.merge(s.cause(), s.missed(), Long::sum));
        Map<String, Long> byKind = new TreeMap<>();
        splits.forEach(s -> byKind.merge(s.kind(), s.missed(), Long::sum));
        out.printf(
                Locale.ROOT,
                "false splits: %d clusters cut off, %d missed record pairs%n",
                splits.size(),
                splits.stream().mapToLong(Split::missed).sum());
        out.println("  missed pairs by true person's kind: " + byKind);
        byCause.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.printf(Locale.ROOT, "  %6d  %s%n", e.getValue(), e.getKey()));
        splits.stream()
                .sorted(Comparator.comparingLong(Split::missed).reversed())
                .limit(examples)
                .forEach(s -> out.print(s.text()));
    }

    private static String differing(Score s) {
        return s.evidence().stream()
                .filter(f -> f.outcome() == FieldEvidence.Outcome.DIFFER)
                .map(FieldEvidence::field)
                .sorted()
                .toList()
                .toString();
    }

    private static String evidence(Score s) {
        return s.evidence().stream()
                .map(f -> f.field()
                        + (f.outcome() == FieldEvidence.Outcome.MISSING
                                ? ":-"
                                : String.format(Locale.ROOT, ":%+.1f", f.weight())))
                .collect(Collectors.joining(" "));
    }

    private static String describe(Recipient r) {
        return String.join(
                " | ",
                String.valueOf(r.name()),
                String.valueOf(r.idNumber()),
                String.valueOf(r.phone()),
                String.valueOf(r.gender()),
                String.valueOf(r.birthDate()),
                String.valueOf(r.address()));
    }
}
