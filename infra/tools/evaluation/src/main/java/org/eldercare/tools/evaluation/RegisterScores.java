package org.eldercare.tools.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.Label;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.Person;

/**
 * Scores what the pipeline produced against the generator's truth, three ways:
 *
 * <ul>
 *   <li><b>register labels</b>: each person document of the job against the true labels of the person it was
 *       registered for, on the document's {@code labelsOn};
 *   <li><b>labels on service records</b>: the labels that reach each service record the way the worklist and coverage
 *       join them (docs/CONTRACT.md §7.4): the record's resolved recipient, the register people whose ID digest that
 *       recipient holds, their labels. A label there whose true person does not hold it is a label on the wrong
 *       person, a benefits error;
 *   <li><b>served</b>: a registered person (with an ID number) shown as served when a record of theirs, or of anyone,
 *       resolved to a recipient holding their digest.
 * </ul>
 *
 * Wrong-person labels are attributed to the hard case relating the two true persons ({@link #relation}).
 */
final class RegisterScores {

    final Map<CareLabel, Tally> registerLabels = new EnumMap<>(CareLabel.class);
    final Map<CareLabel, Tally> recordLabels = new EnumMap<>(CareLabel.class);
    final Map<String, Long> wrongPersonLabelsByCase = new TreeMap<>();
    final Map<String, Long> falseMergePairsByCase = new TreeMap<>();
    final Map<String, Long> missedPairsByKind = new TreeMap<>();
    Tally served = Tally.ZERO;
    int documents;
    int registered;
    Set<LocalDate> labelDays = new HashSet<>();

    private RegisterScores() {
        for (CareLabel l : CareLabel.values()) {
            registerLabels.put(l, Tally.ZERO);
            recordLabels.put(l, Tally.ZERO);
        }
    }

    /**
     * @param docs the job's last document per person id
     * @param resolved the resolution of {@code set}'s records
     */
    static RegisterScores score(RegisterSet set, Map<String, PersonDocument> docs, Evaluation.Resolved resolved) {
        RegisterScores s = new RegisterScores();
        Map<String, TruePerson> byTruth = new HashMap<>();
        set.persons().forEach(p -> byTruth.put(p.truthId(), p));
        Map<String, String> truthOfPerson = new HashMap<>();
        set.facts().forEach((truthId, f) -> truthOfPerson.put(f.personId(), truthId));
        s.registered = set.facts().size();
        s.documents = docs.size();

        // 1. The job's labels per registered person.
        Map<String, Set<CareLabel>> truthLabels = new HashMap<>();
        for (Map.Entry<String, RegisterFacts> e : set.facts().entrySet()) {
            PersonDocument doc = docs.get(e.getValue().personId());
            LocalDate day = doc == null ? set.evaluationDate() : doc.labelsOn();
            Set<CareLabel> truth = GroundTruth.labels(byTruth.get(e.getKey()), e.getValue(), day);
            truthLabels.put(e.getKey(), truth);
            Set<CareLabel> predicted = doc == null ? Set.of() : labelsOf(doc);
            if (doc != null) {
                s.labelDays.add(doc.labelsOn());
            }
            for (CareLabel l : CareLabel.values()) {
                s.registerLabels.merge(l, Tally.ZERO.count(predicted.contains(l), truth.contains(l)), Tally::plus);
            }
        }

        // 2. The worklist's join: digest -> recipients holding it -> register documents per recipient.
        Map<String, List<String>> recipientsByDigest = new HashMap<>();
        for (Person p : resolved.store().persons()) {
            String id = resolved.store().canonicalId(p.recipientId());
            p.profile()
                    .idHashes()
                    .forEach(h -> recipientsByDigest
                            .computeIfAbsent(h, k -> new ArrayList<>())
                            .add(id));
        }
        Map<String, List<PersonDocument>> docsByRecipient = new HashMap<>();
        for (PersonDocument doc : docs.values()) {
            if (doc.idNumberDigest() != null) {
                recipientsByDigest
                        .getOrDefault(doc.idNumberDigest(), List.of())
                        .forEach(r -> docsByRecipient
                                .computeIfAbsent(r, k -> new ArrayList<>())
                                .add(doc));
            }
        }
        Set<String> shownServed = new HashSet<>();
        Set<String> reallyServed = new HashSet<>();
        for (LabelledRecord r : set.records()) {
            List<PersonDocument> joined =
                    docsByRecipient.getOrDefault(resolved.clusterOf().get(r.recordKey()), List.of());
            joined.forEach(d -> shownServed.add(d.personId()));
            Set<CareLabel> truth = truthLabels.getOrDefault(r.truthId(), Set.of());
            RegisterFacts own = set.facts().get(r.truthId());
            if (own != null) {
                reallyServed.add(own.personId());
            }
            Set<CareLabel> predicted = EnumSet.noneOf(CareLabel.class);
            for (PersonDocument d : joined) {
                Set<CareLabel> labels = labelsOf(d);
                predicted.addAll(labels);
                String other = truthOfPerson.get(d.personId());
                if (!other.equals(r.truthId())) {
                    long wrong = labels.stream().filter(l -> !truth.contains(l)).count();
                    if (wrong > 0) {
                        s.wrongPersonLabelsByCase.merge(
                                relation(byTruth.get(r.truthId()), byTruth.get(other)), wrong, Long::sum);
                    }
                }
            }
            for (CareLabel l : CareLabel.values()) {
                s.recordLabels.merge(l, Tally.ZERO.count(predicted.contains(l), truth.contains(l)), Tally::plus);
            }
        }

        // 3. Served, for the people who can be joined at all: those registered with an ID number.
        for (RegisterFacts f : set.facts().values()) {
            if (f.registeredWithId()) {
                s.served = s.served.count(shownServed.contains(f.personId()), reallyServed.contains(f.personId()));
            }
        }

        // 4. Resolution errors by hard case.
        for (Map<String, Integer> cluster : resolved.table().clusters().values()) {
            List<Map.Entry<String, Integer>> truths = new ArrayList<>(cluster.entrySet());
            for (int i = 0; i < truths.size(); i++) {
                for (int j = i + 1; j < truths.size(); j++) {
                    s.falseMergePairsByCase.merge(
                            relation(
                                    byTruth.get(truths.get(i).getKey()),
                                    byTruth.get(truths.get(j).getKey())),
                            (long) truths.get(i).getValue() * truths.get(j).getValue(),
                            Long::sum);
                }
            }
        }
        Map<String, Map<String, Integer>> byTruthCluster = new HashMap<>();
        resolved.table()
                .clusters()
                .forEach((cluster, truths) -> truths.forEach((t, n) ->
                        byTruthCluster.computeIfAbsent(t, k -> new HashMap<>()).put(cluster, n)));
        byTruthCluster.forEach((t, clusters) -> {
            long total =
                    clusters.values().stream().mapToLong(Integer::longValue).sum();
            long kept = clusters.values().stream()
                    .mapToLong(n -> (long) n * (n - 1) / 2)
                    .sum();
            long missed = total * (total - 1) / 2 - kept;
            if (missed > 0) {
                s.missedPairsByKind.merge(byTruth.get(t).kind(), missed, Long::sum);
            }
        });
        return s;
    }

    /**
     * The hard case relating two true persons: the one either was made from ({@code spouse}, {@code twin}, {@code
     * neighbour}: a namesake in the same street, {@code namesake}: elsewhere), else {@code same name} or {@code
     * unrelated}.
     */
    static String relation(TruePerson a, TruePerson b) {
        if (b.truthId().equals(a.relativeId())) {
            return a.kind();
        }
        if (a.truthId().equals(b.relativeId())) {
            return b.kind();
        }
        if (a.relativeId() != null
                && a.relativeId().equals(b.relativeId())
                && a.kind().equals(b.kind())) {
            return a.kind() + " (same origin)";
        }
        return a.name().equals(b.name()) ? "same name" : "unrelated";
    }

    Tally registerTotal() {
        return registerLabels.values().stream().reduce(Tally.ZERO, Tally::plus);
    }

    Tally recordTotal() {
        return recordLabels.values().stream().reduce(Tally.ZERO, Tally::plus);
    }

    private static Set<CareLabel> labelsOf(PersonDocument doc) {
        Set<CareLabel> out = EnumSet.noneOf(CareLabel.class);
        doc.labels().stream().map(Label::label).forEach(out::add);
        return out;
    }
}
