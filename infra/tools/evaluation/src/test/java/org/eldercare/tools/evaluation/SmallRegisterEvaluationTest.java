package org.eldercare.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.Label;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A register of 300 people of one street mix through the real resolution and the job's register stage. */
class SmallRegisterEvaluationTest {

    private static RegisterEvaluation.Result result;

    @BeforeAll
    static void runTheRegisterThroughThePipeline() {
        result = RegisterEvaluation.run(5, 300, ResolutionThresholds.DEFAULT);
    }

    @Test
    void scoresTheJobsDocumentsForEveryRegisteredPersonAboveTheFloors() {
        RegisterScores scores = result.scores();

        assertThat(result.docs()).as("one document per registered person").hasSize(300);
        assertThat(scores.registerTotal().truePositives())
                .as("labels were compared, not assumed")
                .isGreaterThan(100);
        assertThat(scores.recordTotal().truePositives()).isGreaterThan(100);
        assertThat(scores.served.truePositives() + scores.served.falseNegatives())
                .isGreaterThan(100);
        assertThat(result.resolutionF1()).as(result.report()).isGreaterThanOrEqualTo(0.95);
        assertThat(result.registerLabelPrecision()).as(result.report()).isGreaterThanOrEqualTo(0.999);
        assertThat(result.registerLabelRecall()).as(result.report()).isGreaterThanOrEqualTo(0.999);
        assertThat(result.labelPrecision()).as(result.report()).isGreaterThanOrEqualTo(0.98);
        assertThat(result.report()).contains("label precision", "AGE_80_PLUS", "resolution: pairwise precision");
    }

    @Test
    void aLabelMovedToTheWrongPersonLowersTheRegisterLabelPrecisionByExactlyThatLabel() {
        RegisterScores before = result.scores();
        Map<String, String> truthOfPerson = new HashMap<>();
        result.set().facts().forEach((truth, f) -> truthOfPerson.put(f.personId(), truth));
        // Someone without the 80+ label gets it, as if another person's document had been filed under them.
        PersonDocument victim = result.docs().values().stream()
                .filter(d -> d.labels().stream().noneMatch(l -> l.label() == CareLabel.AGE_80_PLUS))
                .findFirst()
                .orElseThrow();
        List<Label> labels = new ArrayList<>(victim.labels());
        labels.add(new Label(CareLabel.AGE_80_PLUS, "moved from another person"));
        Map<String, PersonDocument> docs = new HashMap<>(result.docs());
        docs.put(victim.personId(), withLabels(victim, labels));

        RegisterScores after = RegisterScores.score(result.set(), docs, result.resolved());

        assertThat(after.registerLabels.get(CareLabel.AGE_80_PLUS).falsePositives())
                .isEqualTo(before.registerLabels.get(CareLabel.AGE_80_PLUS).falsePositives() + 1);
        assertThat(after.registerTotal().precision())
                .isLessThan(before.registerTotal().precision());
        assertThat(after.registerTotal().truePositives())
                .isEqualTo(before.registerTotal().truePositives());
        assertThat(truthOfPerson).containsKey(victim.personId());
    }

    @Test
    void generatesTheHardCasesOfARealStreetFromTheSameSeedTheSameWay() {
        Regions regions = Regions.load();
        LocalDate day = LocalDate.parse("2026-12-02");

        RegisterSet a = new RegisterSetGenerator(9, regions).generate(400, day);
        RegisterSet b = new RegisterSetGenerator(9, regions).generate(400, day);

        assertThat(a.records()).isEqualTo(b.records());
        assertThat(a.persons()).extracting(TruePerson::kind).contains("spouse", "twin", "neighbour");
        assertThat(a.persons())
                .filteredOn(p -> p.kind().equals("neighbour"))
                .allSatisfy(p -> assertThat(p.street())
                        .isEqualTo(a.persons()
                                .get(Integer.parseInt(p.relativeId().substring(1)))
                                .street()));
        assertThat(a.persons()).filteredOn(p -> p.kind().equals("twin")).allSatisfy(p -> {
            TruePerson first = a.persons().get(Integer.parseInt(p.relativeId().substring(1)));
            assertThat(p.birthDate()).isEqualTo(first.birthDate());
            assertThat(p.addressLine()).isEqualTo(first.addressLine());
            assertThat(p.idNumber()).isNotEqualTo(first.idNumber());
        });
        assertThat(a.persons().subList(0, 400))
                .as("everyone in the register is 60 or older")
                .allSatisfy(p -> assertThat(GroundTruth.age(p.birthDate(), day)).isGreaterThanOrEqualTo(60));
        assertThat(a.facts().values())
                .extracting(RegisterFacts::registeredWithId)
                .contains(false);
        assertThat(Set.copyOf(a.persons().subList(0, 400).stream()
                        .map(p -> GroundTruth.labels(p, a.facts().get(p.truthId()), day))
                        .flatMap(Set::stream)
                        .toList()))
                .as("every label occurs")
                .containsExactlyInAnyOrder(CareLabel.values());
    }

    private static PersonDocument withLabels(PersonDocument d, List<Label> labels) {
        return new PersonDocument(
                d.personId(),
                d.districtCode(),
                d.streetCode(),
                d.nameMasked(),
                d.idNumberMasked(),
                d.phoneMasked(),
                d.idNumberDigest(),
                d.birthYear(),
                d.age(),
                d.livingArrangement(),
                d.benefits(),
                d.disabilityCertificateLevel(),
                d.assessment(),
                labels,
                d.entitlements(),
                d.labelsOn(),
                d.updatedAt());
    }
}
