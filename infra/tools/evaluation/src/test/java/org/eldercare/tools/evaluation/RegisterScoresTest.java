package org.eldercare.tools.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.search.register.CareLabel.AGE_80_PLUS;
import static org.eldercare.search.register.CareLabel.AGE_90_PLUS;
import static org.eldercare.search.register.CareLabel.ASSESSMENT_OVERDUE;
import static org.eldercare.search.register.CareLabel.DISABLED_MODERATE_OR_WORSE;
import static org.eldercare.search.register.CareLabel.EMPTY_NEST;
import static org.eldercare.search.register.CareLabel.LIVING_ALONE;
import static org.eldercare.search.register.CareLabel.MINIMUM_SUBSISTENCE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.normalize.Addresses;
import org.eldercare.search.normalize.IdNumbers;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.Label;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.search.resolve.InMemoryPersonStore;
import org.eldercare.search.resolve.Person;
import org.junit.jupiter.api.Test;

/** The evaluation's own arithmetic on hand-made registers, resolutions and job documents. */
class RegisterScoresTest {

    private static final LocalDate DAY = LocalDate.parse("2026-12-02");
    private static final LocalDate TWINS_BORN = LocalDate.parse("1946-06-01");
    private static final Regions REGIONS = Regions.load();
    private static final Street STREET =
            REGIONS.district("110109").orElseThrow().streets().getFirst();
    private static final RecipientNormalizer NORMALIZER =
            new RecipientNormalizer(Pii.withKey(RegisterEvaluation.KEY), new Addresses(REGIONS));

    // Twins of one address: A lives alone, B with family on 低保; C, a neighbour, lives with her husband; D alone.
    private final TruePerson twinA = person("P0", "王秀英", TWINS_BORN, "person", null);
    private final TruePerson twinB = person("P1", "王秀兰", TWINS_BORN, "twin", "P0");
    private final TruePerson neighbourC = person("P2", "李桂芝", LocalDate.parse("1950-03-02"), "person", null);
    private final TruePerson neighbourD = person("P3", "赵淑珍", LocalDate.parse("1952-07-09"), "person", null);
    private final Map<String, RegisterFacts> facts = Map.of(
            "P0",
            facts("R0", LivingArrangement.ALONE, List.of()),
            "P1",
            facts(
                    "R1",
                    LivingArrangement.WITH_FAMILY,
                    List.of(new Benefit(BenefitType.MINIMUM_SUBSISTENCE, DAY.minusYears(2), null))),
            "P2",
            facts("R2", LivingArrangement.COUPLE_ONLY, List.of()),
            "P3",
            facts("R3", LivingArrangement.ALONE, List.of()));

    @Test
    void aFalseMergeOfTwinsPutsEachTwinsLabelsOnTheOtherAndIsCountedAsTheTwinCase() {
        // The job got every register label right for A and B; resolution merged the twins' records into one recipient.
        RegisterScores s = RegisterScores.score(set(), docs(), twinsMerged());

        // Record of A: 80+, alone, empty nest right; 低保 (B's) wrong. Record of B: 80+, 低保 right; alone, empty nest
        // wrong.
        assertThat(s.recordTotal()).isEqualTo(new Tally(5, 3, 0));
        assertThat(s.recordTotal().precision()).isEqualTo(5.0 / 8);
        assertThat(s.recordTotal().recall()).isEqualTo(1.0);
        assertThat(s.recordLabels.get(MINIMUM_SUBSISTENCE)).isEqualTo(new Tally(1, 1, 0));
        assertThat(s.recordLabels.get(LIVING_ALONE)).isEqualTo(new Tally(1, 1, 0));
        assertThat(s.recordLabels.get(AGE_80_PLUS)).isEqualTo(new Tally(2, 0, 0));
        assertThat(s.wrongPersonLabelsByCase).containsExactly(Map.entry("twin", 3L));
        assertThat(s.falseMergePairsByCase).containsExactly(Map.entry("twin", 1L));
        assertThat(s.missedPairsByKind).isEmpty();
        assertThat(s.served).as("both twins really served and shown served").isEqualTo(new Tally(2, 0, 0));
    }

    @Test
    void registerLabelsCountAWrongLabelAsAFalsePositiveAndAMissingOneAsAFalseNegative() {
        RegisterScores s = RegisterScores.score(set(), docs(), twinsMerged());

        // A: 3 right; B: 2 right; C: empty nest right, 90+ wrong; D: alone and empty nest missing.
        assertThat(s.registerTotal()).isEqualTo(new Tally(6, 1, 2));
        assertThat(s.registerTotal().precision()).isEqualTo(6.0 / 7);
        assertThat(s.registerTotal().recall()).isEqualTo(6.0 / 8);
        assertThat(s.registerLabels.get(AGE_90_PLUS)).isEqualTo(new Tally(0, 1, 0));
        assertThat(s.registerLabels.get(EMPTY_NEST))
                .as("A and C right, D missing")
                .isEqualTo(new Tally(2, 0, 1));
        assertThat(s.registerLabels.get(DISABLED_MODERATE_OR_WORSE)).isEqualTo(Tally.ZERO);
        assertThat(s.served.falsePositives() + s.served.falseNegatives())
                .as("C and D are neither served nor shown served")
                .isZero();
    }

    @Test
    void aPersonSplitOverTwoRecipientsLosesOnePairAndIsStillJoinedThroughBothWhenBothHoldTheDigest() {
        InMemoryPersonStore store = new InMemoryPersonStore();
        store.save(Person.first("c1", Instant.EPOCH, NORMALIZER.normalize(record(twinA, true))), Set.of("k1"));
        store.save(Person.first("c2", Instant.EPOCH, NORMALIZER.normalize(record(twinA, true))), Set.of("k2"));
        store.save(Person.first("c3", Instant.EPOCH, NORMALIZER.normalize(record(twinA, false))), Set.of("k3"));
        Contingency table = new Contingency();
        table.add("c1", "P0");
        table.add("c1", "P0");
        table.add("c2", "P0");
        table.add("c3", "P0");
        Evaluation.Resolved resolved =
                new Evaluation.Resolved(store, 0, table, Map.of("a-1", "c1", "a-2", "c1", "a-3", "c2", "a-4", "c3"));
        RegisterSet set = new RegisterSet(
                DAY,
                List.of(twinA),
                Map.of("P0", facts.get("P0")),
                List.of(),
                List.of(
                        labelled("a-1", twinA, true),
                        labelled("a-2", twinA, true),
                        labelled("a-3", twinA, true),
                        labelled("a-4", twinA, false)));

        RegisterScores s =
                RegisterScores.score(set, Map.of("R0", doc("R0", twinA, AGE_80_PLUS, LIVING_ALONE)), resolved);

        assertThat(table.recall())
                .as("1 of the 6 pairs of A's four records kept together")
                .isEqualTo(1.0 / 6);
        assertThat(table.precision()).isEqualTo(1.0);
        assertThat(s.missedPairsByKind).containsExactly(Map.entry("person", 5L));
        // c3 holds no ID digest, so its record gets no labels; the job's document lacks empty nest, so all four miss
        // it.
        assertThat(s.recordLabels.get(AGE_80_PLUS)).isEqualTo(new Tally(3, 0, 1));
        assertThat(s.recordLabels.get(EMPTY_NEST)).isEqualTo(new Tally(0, 0, 4));
    }

    @Test
    void groundTruthFollowsTheContractOnTheBoundaryDays() {
        assertThat(GroundTruth.age(LocalDate.parse("1946-12-02"), DAY)).isEqualTo(80);
        assertThat(GroundTruth.age(LocalDate.parse("1946-12-03"), DAY)).isEqualTo(79);
        assertThat(GroundTruth.age(LocalDate.parse("1948-02-29"), LocalDate.parse("2027-02-28")))
                .as("a 29 February birthday falls on 28 February in common years")
                .isEqualTo(79);
        assertThat(GroundTruth.age(LocalDate.parse("1948-02-29"), LocalDate.parse("2027-02-27")))
                .isEqualTo(78);

        RegisterFacts boundaries = new RegisterFacts(
                "R9",
                LivingArrangement.IN_INSTITUTION,
                List.of(
                        new Benefit(BenefitType.MINIMUM_SUBSISTENCE, DAY.minusYears(1), DAY),
                        new Benefit(BenefitType.SPECIAL_HARDSHIP, DAY.minusYears(1), DAY.minusDays(1))),
                List.of(
                        new AssessmentRecorded("a2", "R9", 3, DAY.minusDays(100), "评估中心", DAY.minusDays(1)),
                        new AssessmentRecorded("a1", "R9", 0, DAY.minusDays(400), "评估中心", DAY.minusDays(35))),
                true,
                false);
        assertThat(GroundTruth.labels(neighbourD, boundaries, DAY))
                .as("低保 ending today holds, 特困 that ended yesterday does not; the later assessment counts, overdue")
                .containsExactlyInAnyOrder(MINIMUM_SUBSISTENCE, DISABLED_MODERATE_OR_WORSE, ASSESSMENT_OVERDUE);
    }

    @Test
    void anEmptyClaimIsPreciseAndAnEmptyTruthIsRecalled() {
        assertThat(Tally.ZERO.precision()).isEqualTo(1.0);
        assertThat(Tally.ZERO.recall()).isEqualTo(1.0);
        assertThat(Tally.ZERO.count(true, false).count(true, true).count(false, true))
                .isEqualTo(new Tally(1, 1, 1));
        assertThat(RegisterScores.relation(twinA, twinB)).isEqualTo("twin");
        assertThat(RegisterScores.relation(twinB, twinA)).isEqualTo("twin");
        assertThat(RegisterScores.relation(twinA, neighbourC)).isEqualTo("unrelated");
    }

    private RegisterSet set() {
        return new RegisterSet(
                DAY,
                List.of(twinA, twinB, neighbourC, neighbourD),
                facts,
                List.of(),
                List.of(labelled("a-1", twinA, true), labelled("b-1", twinB, true)));
    }

    private Map<String, PersonDocument> docs() {
        return Map.of(
                "R0", doc("R0", twinA, AGE_80_PLUS, LIVING_ALONE, EMPTY_NEST),
                "R1", doc("R1", twinB, AGE_80_PLUS, MINIMUM_SUBSISTENCE),
                "R2", doc("R2", neighbourC, EMPTY_NEST, AGE_90_PLUS),
                "R3", doc("R3", neighbourD));
    }

    /** The twins' two records resolved into one recipient holding both ID digests. */
    private Evaluation.Resolved twinsMerged() {
        InMemoryPersonStore store = new InMemoryPersonStore();
        Person merged = Person.first("c1", Instant.EPOCH, NORMALIZER.normalize(record(twinA, true)))
                .withRecord(NORMALIZER.normalize(record(twinB, true)), Instant.EPOCH.plusSeconds(60));
        store.save(merged, Set.of("k"));
        Contingency table = new Contingency();
        table.add("c1", "P0");
        table.add("c1", "P1");
        return new Evaluation.Resolved(store, 0, table, Map.of("a-1", "c1", "b-1", "c1"));
    }

    private static LabelledRecord labelled(String key, TruePerson p, boolean withId) {
        return new LabelledRecord(key, Instant.EPOCH, record(p, withId), p.truthId());
    }

    private static Recipient record(TruePerson p, boolean withId) {
        return new Recipient(
                p.name(), withId ? p.idNumber() : null, p.phones().getFirst(), p.gender(), p.birthDate(), null, null);
    }

    private RegisterFacts facts(String personId, LivingArrangement arrangement, List<Benefit> benefits) {
        return new RegisterFacts(personId, arrangement, benefits, List.of(), true, false);
    }

    private static PersonDocument doc(String personId, TruePerson p, CareLabel... labels) {
        return new PersonDocument(
                personId,
                STREET.districtCode(),
                STREET.code(),
                PersonDocument.maskName(p.name()),
                Pii.maskIdNumber(p.idNumber()),
                null,
                NORMALIZER.pii().hashIdNumber(p.idNumber()),
                p.birthDate().getYear(),
                null,
                null,
                List.of(),
                null,
                null,
                Arrays.stream(labels).map(l -> new Label(l, "hand-made")).toList(),
                List.of(),
                DAY,
                OffsetDateTime.parse("2026-12-01T09:00:00+08:00"));
    }

    private static TruePerson person(String truthId, String name, LocalDate birth, String kind, String relativeId) {
        String body =
                STREET.districtCode() + birth.toString().replace("-", "") + (truthId.equals("P1") ? "124" : "122");
        return new TruePerson(
                truthId,
                name,
                "F",
                birth,
                body + IdNumbers.checkChar(body),
                List.of("1381234567" + truthId.charAt(1)),
                STREET,
                "新桥大街12号院3号楼",
                new GeoPoint(39.94, 116.10),
                kind,
                relativeId);
    }
}
