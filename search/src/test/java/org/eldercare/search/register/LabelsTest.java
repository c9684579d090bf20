package org.eldercare.search.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.search.register.CareLabel.AGE_80_PLUS;
import static org.eldercare.search.register.CareLabel.AGE_90_PLUS;
import static org.eldercare.search.register.CareLabel.ASSESSMENT_OVERDUE;
import static org.eldercare.search.register.CareLabel.DISABLED_MILD;
import static org.eldercare.search.register.CareLabel.DISABLED_MODERATE_OR_WORSE;
import static org.eldercare.search.register.CareLabel.EMPTY_NEST;
import static org.eldercare.search.register.CareLabel.LIVING_ALONE;
import static org.eldercare.search.register.CareLabel.MINIMUM_SUBSISTENCE;
import static org.eldercare.search.register.CareLabel.SPECIAL_HARDSHIP;

import java.time.LocalDate;
import java.util.List;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.LivingArrangement;
import org.junit.jupiter.api.Test;

class LabelsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    @Test
    void aPersonTurnsEightyOnTheBirthdayAndNotTheDayBefore() {
        PersonFacts born = person(LocalDate.parse("1946-12-02"), LivingArrangement.WITH_FAMILY);

        assertThat(labels(born, TODAY)).doesNotContain(AGE_80_PLUS);
        assertThat(labels(born, TODAY.plusDays(1))).containsExactly(AGE_80_PLUS);
        assertThat(Labels.nextChange(born, TODAY)).isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void theAgeLabelsAreCheckedEveryDayOfTheYearOfTheEightiethBirthdayFromTheBirthYearAlone() {
        // docs/CONTRACT.md §7.3: no timer on the birthday, which would keep the date in a checkpoint.
        assertThat(Labels.nextAgeCheck(1946, TODAY)).isEqualTo(TODAY.plusDays(1));
        assertThat(Labels.nextAgeCheck(1946, LocalDate.parse("2026-12-31")))
                .as("the last check of the year")
                .isEqualTo(LocalDate.parse("2027-01-01"));
        assertThat(Labels.nextAgeCheck(1950, TODAY))
                .as("the first day of the year she turns 80")
                .isEqualTo(LocalDate.parse("2030-01-01"));
        assertThat(Labels.nextAgeCheck(1940, TODAY))
                .as("past 80: the year she turns 90")
                .isEqualTo(LocalDate.parse("2030-01-01"));
        assertThat(Labels.nextAgeCheck(1936, TODAY)).isEqualTo(TODAY.plusDays(1));
        assertThat(Labels.nextAgeCheck(1930, TODAY)).as("past 90").isNull();
        assertThat(Labels.nextAgeCheck(null, TODAY)).isNull();
    }

    @Test
    void aPersonBornOnTheLeapDayTurnsEightyOnTheLastDayOfFebruaryInACommonYear() {
        PersonFacts born =
                person(LocalDate.parse("1947-02-28").minusYears(3).plusDays(1), LivingArrangement.WITH_FAMILY);
        assertThat(born.birthDate()).isEqualTo(LocalDate.parse("1944-02-29"));

        assertThat(Labels.age(born.birthDate(), LocalDate.parse("2025-02-27"))).isEqualTo(80);
        assertThat(Labels.age(born.birthDate(), LocalDate.parse("2025-02-28"))).isEqualTo(81);
        assertThat(Labels.nextChange(person(LocalDate.parse("1946-02-28"), null), LocalDate.parse("2026-03-01")))
                .isEqualTo(LocalDate.parse("2036-02-28"));
    }

    @Test
    void ninetyAndOverAlsoCountsAsEightyAndOver() {
        assertThat(labels(person(LocalDate.parse("1930-05-01"), null), TODAY))
                .containsExactly(AGE_80_PLUS, AGE_90_PLUS);
    }

    @Test
    void livingAloneIsAlsoAnEmptyNestAndACoupleOnlyHouseholdIsOnlyAnEmptyNest() {
        LocalDate seventy = LocalDate.parse("1956-01-01");
        assertThat(labels(person(seventy, LivingArrangement.ALONE), TODAY)).containsExactly(LIVING_ALONE, EMPTY_NEST);
        assertThat(labels(person(seventy, LivingArrangement.COUPLE_ONLY), TODAY))
                .containsExactly(EMPTY_NEST);
        assertThat(labels(person(seventy, LivingArrangement.WITH_FAMILY), TODAY))
                .isEmpty();
        assertThat(labels(person(seventy, LivingArrangement.IN_INSTITUTION), TODAY))
                .isEmpty();
    }

    @Test
    void aBenefitLabelHoldsThroughItsLastDayAndExpiresTheDayAfterWithNoNewEvent() {
        PersonFacts facts = new PersonFacts(
                LocalDate.parse("1956-01-01"),
                LivingArrangement.WITH_FAMILY,
                List.of(new Benefit(BenefitType.MINIMUM_SUBSISTENCE, LocalDate.parse("2025-01-01"), TODAY)),
                null);

        assertThat(labels(facts, TODAY)).containsExactly(MINIMUM_SUBSISTENCE);
        assertThat(Labels.nextChange(facts, TODAY)).isEqualTo(TODAY.plusDays(1));
        assertThat(labels(facts, TODAY.plusDays(1))).isEmpty();
    }

    @Test
    void aBenefitThatStartsLaterGivesItsLabelFromItsFirstDay() {
        LocalDate start = TODAY.plusDays(10);
        PersonFacts facts = new PersonFacts(
                LocalDate.parse("1956-01-01"),
                null,
                List.of(new Benefit(BenefitType.SPECIAL_HARDSHIP, start, null)),
                null);

        assertThat(labels(facts, TODAY)).isEmpty();
        assertThat(Labels.nextChange(facts, TODAY)).isEqualTo(start);
        assertThat(Labels.on(facts, start))
                .containsExactly(new Label(SPECIAL_HARDSHIP, "SPECIAL_HARDSHIP from " + start + " to open"));
    }

    @Test
    void anOverdueAssessmentKeepsItsDisabilityLabelAndAddsOverdue() {
        Assessment moderate =
                new Assessment("as-1", 2, LocalDate.parse("2025-11-01"), "门头沟区评估中心", LocalDate.parse("2026-11-01"));
        PersonFacts facts = new PersonFacts(LocalDate.parse("1956-01-01"), null, List.of(), moderate);

        assertThat(labels(facts, LocalDate.parse("2026-11-01"))).containsExactly(DISABLED_MODERATE_OR_WORSE);
        assertThat(Labels.on(facts, TODAY))
                .containsExactly(
                        new Label(DISABLED_MODERATE_OR_WORSE, "assessment as-1 level 2 on 2025-11-01 by 门头沟区评估中心"),
                        new Label(ASSESSMENT_OVERDUE, "reassessment due 2026-11-01"));
    }

    @Test
    void levelOneIsMildAndLevelZeroIsNoDisability() {
        PersonFacts none = new PersonFacts(null, null, List.of(), assessment(0, "2026-06-01"));
        assertThat(labels(none, TODAY)).isEmpty();
        assertThat(labels(none.withAssessment(assessment(1, "2026-07-01")), TODAY))
                .containsExactly(DISABLED_MILD);
    }

    @Test
    void anEarlierAssessmentArrivingLateDoesNotReplaceTheLatest() {
        PersonFacts facts = new PersonFacts(null, null, List.of(), assessment(3, "2026-07-01"));

        assertThat(facts.withAssessment(assessment(1, "2026-01-01"))
                        .assessment()
                        .level())
                .isEqualTo(3);
        assertThat(facts.withAssessment(assessment(1, "2026-08-01"))
                        .assessment()
                        .level())
                .isEqualTo(1);
    }

    @Test
    void theEvidenceOfAnAgeLabelGivesTheBirthYearAndNeverTheDate() {
        List<Label> labels = Labels.on(person(LocalDate.parse("1940-02-16"), null), TODAY);

        assertThat(labels).extracting(Label::evidence).containsOnly("age 86 (born 1940)");
        assertThat(labels.toString()).doesNotContain("02-16").doesNotContain("0216");
    }

    @Test
    void withNothingAheadThereIsNoNextChange() {
        assertThat(Labels.nextChange(person(LocalDate.parse("1920-01-01"), LivingArrangement.ALONE), TODAY))
                .isNull();
    }

    private static Assessment assessment(int level, String on) {
        LocalDate day = LocalDate.parse(on);
        return new Assessment("as-" + on, level, day, "评估机构", day.plusYears(1));
    }

    private static PersonFacts person(LocalDate birthDate, LivingArrangement arrangement) {
        return new PersonFacts(birthDate, arrangement, List.of(), null);
    }

    private static List<CareLabel> labels(PersonFacts facts, LocalDate day) {
        return Labels.on(facts, day).stream().map(Label::label).toList();
    }
}
