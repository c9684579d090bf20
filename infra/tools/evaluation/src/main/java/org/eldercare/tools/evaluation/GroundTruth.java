package org.eldercare.tools.evaluation;

import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.Set;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.search.register.CareLabel;

/**
 * The labels a true person really holds on a day, computed from the generator's facts by the rules of
 * docs/CONTRACT.md §7.3 written out again here, independently of the product's {@code Labels}: the evaluation compares
 * the job's output against this, so it must not share the code it judges.
 */
final class GroundTruth {

    private GroundTruth() {}

    static Set<CareLabel> labels(TruePerson p, RegisterFacts f, LocalDate day) {
        Set<CareLabel> out = EnumSet.noneOf(CareLabel.class);
        int age = age(p.birthDate(), day);
        if (age >= 80) {
            out.add(CareLabel.AGE_80_PLUS);
        }
        if (age >= 90) {
            out.add(CareLabel.AGE_90_PLUS);
        }
        if (f.livingArrangement() == LivingArrangement.ALONE) {
            out.add(CareLabel.LIVING_ALONE);
            out.add(CareLabel.EMPTY_NEST);
        } else if (f.livingArrangement() == LivingArrangement.COUPLE_ONLY) {
            out.add(CareLabel.EMPTY_NEST);
        }
        AssessmentRecorded latest = f.latestAssessment();
        if (latest != null) {
            if (latest.level() == 1) {
                out.add(CareLabel.DISABLED_MILD);
            } else if (latest.level() >= 2) {
                out.add(CareLabel.DISABLED_MODERATE_OR_WORSE);
            }
            if (day.isAfter(latest.reassessDueOn())) {
                out.add(CareLabel.ASSESSMENT_OVERDUE);
            }
        }
        for (Benefit b : f.benefits()) {
            boolean holds = !day.isBefore(b.from()) && (b.to() == null || !day.isAfter(b.to()));
            if (holds && b.type() == BenefitType.SPECIAL_HARDSHIP) {
                out.add(CareLabel.SPECIAL_HARDSHIP);
            } else if (holds && b.type() == BenefitType.MINIMUM_SUBSISTENCE) {
                out.add(CareLabel.MINIMUM_SUBSISTENCE);
            }
        }
        return out;
    }

    /** Completed years, a 29 February birthday falling on 28 February in common years (§7.3). */
    static int age(LocalDate birth, LocalDate day) {
        int years = day.getYear() - birth.getYear();
        int month = birth.getMonthValue();
        int dayOfMonth = birth.getDayOfMonth();
        if (month == 2 && dayOfMonth == 29 && !Year.isLeap(day.getYear())) {
            dayOfMonth = 28;
        }
        if (day.getMonthValue() < month || (day.getMonthValue() == month && day.getDayOfMonth() < dayOfMonth)) {
            years--;
        }
        return Math.max(0, years);
    }
}
