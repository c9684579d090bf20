package org.eldercare.search.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.LivingArrangement;

/**
 * The label rules of docs/CONTRACT.md §7.3 as pure functions of a person's facts and a day (in Asia/Shanghai). The
 * streaming job calls {@link #on} whenever the facts change and again at {@link #nextChange}, so labels stay true
 * with no new event: a birthday, the end of a benefit, a re-assessment falling due.
 *
 * <p>A person born on 29 February turns a year older on 28 February in common years ({@link
 * LocalDate#plusYears}).
 */
public final class Labels {

    private Labels() {}

    /** The labels that hold on {@code day}, in the order of {@link CareLabel}. */
    public static List<Label> on(PersonFacts facts, LocalDate day) {
        List<Label> labels = new ArrayList<>();
        if (facts.birthDate() != null) {
            int age = age(facts.birthDate(), day);
            String evidence = "age " + age + " (born " + facts.birthDate().getYear() + ")";
            if (age >= 80) {
                labels.add(new Label(CareLabel.AGE_80_PLUS, evidence));
            }
            if (age >= 90) {
                labels.add(new Label(CareLabel.AGE_90_PLUS, evidence));
            }
        }
        LivingArrangement arrangement = facts.livingArrangement();
        if (arrangement == LivingArrangement.ALONE) {
            labels.add(new Label(CareLabel.LIVING_ALONE, "livingArrangement ALONE"));
        }
        if (arrangement == LivingArrangement.ALONE || arrangement == LivingArrangement.COUPLE_ONLY) {
            labels.add(new Label(CareLabel.EMPTY_NEST, "livingArrangement " + arrangement));
        }
        Assessment a = facts.assessment();
        if (a != null && a.level() >= 1) {
            String evidence = "assessment " + a.assessmentId() + " level " + a.level() + " on " + a.assessedOn()
                    + " by " + a.organisation();
            labels.add(new Label(
                    a.level() == 1 ? CareLabel.DISABLED_MILD : CareLabel.DISABLED_MODERATE_OR_WORSE, evidence));
        }
        benefit(facts, day, BenefitType.SPECIAL_HARDSHIP, CareLabel.SPECIAL_HARDSHIP, labels);
        benefit(facts, day, BenefitType.MINIMUM_SUBSISTENCE, CareLabel.MINIMUM_SUBSISTENCE, labels);
        if (a != null && a.reassessDueOn().isBefore(day)) {
            labels.add(new Label(CareLabel.ASSESSMENT_OVERDUE, "reassessment due " + a.reassessDueOn()));
        }
        labels.sort(java.util.Comparator.comparing(Label::label));
        return List.copyOf(labels);
    }

    /**
     * The first day after {@code day} on which {@link #on} may give other labels with the same facts, or null when
     * none will come: the 80th and 90th birthdays, a benefit's first day and the day after its last, the day after a
     * re-assessment falls due. The streaming job asks it without the birth date and adds {@link #nextAgeCheck}, so
     * that no timer falls on a birthday.
     */
    public static LocalDate nextChange(PersonFacts facts, LocalDate day) {
        List<LocalDate> candidates = new ArrayList<>();
        if (facts.birthDate() != null) {
            candidates.add(facts.birthDate().plusYears(80));
            candidates.add(facts.birthDate().plusYears(90));
        }
        for (Benefit b : facts.benefits()) {
            candidates.add(b.from());
            if (b.to() != null) {
                candidates.add(b.to().plusDays(1));
            }
        }
        if (facts.assessment() != null) {
            candidates.add(facts.assessment().reassessDueOn().plusDays(1));
        }
        return candidates.stream()
                .filter(d -> d.isAfter(day))
                .min(LocalDate::compareTo)
                .orElse(null);
    }

    /**
     * The next midnight on which the age labels must be looked at again, from the birth year alone, or null when
     * none will come: every day of a calendar year in which the person turns 80 or 90, else the first day of the
     * next such year. A timer at the 80th birthday itself would keep the birth date in a checkpoint; ticks that
     * depend on the year only reveal nothing beyond the year, which is shown anyway (docs/CONTRACT.md §7.3).
     */
    public static LocalDate nextAgeCheck(Integer birthYear, LocalDate day) {
        if (birthYear == null) {
            return null;
        }
        LocalDate next = null;
        for (int age : new int[] {80, 90}) {
            int year = birthYear + age;
            LocalDate candidate =
                    day.getYear() == year ? day.plusDays(1) : day.getYear() < year ? LocalDate.of(year, 1, 1) : null;
            if (candidate != null && (next == null || candidate.isBefore(next))) {
                next = candidate;
            }
        }
        return next;
    }

    /** Full years from {@code birthDate} to {@code day}: the most {@code n} with {@code birthDate + n years <= day}. */
    public static int age(LocalDate birthDate, LocalDate day) {
        if (day.isBefore(birthDate)) {
            return 0;
        }
        int years = day.getYear() - birthDate.getYear();
        return birthDate.plusYears(years).isAfter(day) ? years - 1 : years;
    }

    private static void benefit(
            PersonFacts facts, LocalDate day, BenefitType type, CareLabel label, List<Label> labels) {
        facts.benefits().stream()
                .filter(b -> b.type() == type && b.holdsOn(day))
                .findFirst()
                .ifPresent(b -> labels.add(
                        new Label(label, type + " from " + b.from() + " to " + (b.to() == null ? "open" : b.to()))));
    }
}
