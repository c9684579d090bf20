package org.eldercare.streaming.indicator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.region.PlanTarget;
import org.eldercare.ingest.region.PlanTrajectory;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;
import org.eldercare.streaming.facility.FacilityTotals;

/**
 * The counting rules of docs/CONTRACT.md §2 for one scope, as a pure function of the facilities' totals, the
 * planners' street populations and "today".
 *
 * <p>Targets carry the straight line from their 2020 baseline (docs/CONTRACT.md §8.2) for "today"; the
 * nursing-type bed share (§8.3) is counted over OPERATING institutions like {@code institutionBeds}.
 *
 * <p>Population: the census figures of the scope, plus, for each street with a planner's figure,
 * that figure minus the street's census figure. For a street this is simply the planner's figure;
 * for a district, its census total corrected by its updated streets.
 */
public final class IndicatorCalculator {

    private IndicatorCalculator() {}

    public static IndicatorDocument compute(
            ScopeInfo scope,
            Iterable<FacilityTotals> facilities,
            Map<String, PopulationFigure> populations,
            long today,
            OffsetDateTime asOf) {
        long beds = 0,
                institutionBeds = 0,
                institutionNursingBeds = 0,
                occupied = 0,
                caregivers = 0,
                certified = 0,
                onDuty = 0,
                meals = 0,
                services = 0;
        long[] operatingByKind = new long[FacilityKind.values().length];
        for (FacilityTotals f : facilities) {
            if (f.operating()) {
                beds += f.beds();
                occupied += Math.min(f.occupiedBeds(), f.beds());
                if (f.kind() == FacilityKind.INSTITUTION) {
                    institutionBeds += f.beds();
                    institutionNursingBeds += Math.min(f.nursingBeds(), f.beds());
                }
                operatingByKind[f.kind().ordinal()]++;
            }
            caregivers += f.caregivers();
            certified += f.certifiedCaregivers();
            onDuty += f.caregiversOnDuty();
            meals += f.mealsDay() == today ? f.mealsServed() : 0;
            services += f.servicesDay() == today ? f.servicesDelivered() : 0;
        }
        Long residents = population(scope.residents(), populations, scope.streets(), true);
        Long elderly60 = population(scope.elderly60(), populations, scope.streets(), false);
        Double bedsRatio = ratio(beds, residents, 1_000);
        Double institutionRatio = ratio(institutionBeds, residents, 1_000);
        Double caregiverRatio = ratio(caregivers, elderly60, 10_000);
        long careCenters = operatingByKind[FacilityKind.CARE_CENTER.ordinal()];
        long careStations = operatingByKind[FacilityKind.CARE_STATION.ordinal()];
        Double nursingBedShare = institutionBeds == 0 ? null : (double) institutionNursingBeds / institutionBeds;
        List<TargetStatus> targets = new ArrayList<>(scope.targets().size());
        for (PlanTarget t : scope.targets()) {
            Double actual = switch (t.indicator()) {
                case "bedsPerThousandResidents" -> bedsRatio;
                case "institutionBedsPerThousandResidents" -> institutionRatio;
                case "careCenters" -> (double) careCenters;
                case "careStations" -> (double) careStations;
                case "caregiversPerTenThousandElderly" -> caregiverRatio;
                case "nursingBedShare" -> nursingBedShare;
                default -> null;
            };
            targets.add(targetStatus(t, actual, LocalDate.ofEpochDay(today)));
        }
        return new IndicatorDocument(
                scope.code(),
                scope.name(),
                scope.level(),
                residents,
                elderly60,
                beds,
                bedsRatio,
                institutionBeds,
                institutionRatio,
                institutionNursingBeds,
                nursingBedShare,
                occupied,
                beds == 0 ? null : (double) occupied / beds,
                careCenters,
                careStations,
                operatingByKind[FacilityKind.INSTITUTION.ordinal()],
                operatingByKind[FacilityKind.MEAL_TABLE.ordinal()],
                caregivers,
                certified,
                caregiverRatio,
                onDuty,
                meals,
                services,
                List.copyOf(targets),
                asOf);
    }

    /** The target met or not, and where it stands against its straight line on {@code today} (§8.2). */
    private static TargetStatus targetStatus(PlanTarget t, Double actual, LocalDate today) {
        Boolean met = actual == null ? null : t.isMet(actual);
        Double expected = PlanTrajectory.expected(t, today);
        boolean line = expected != null;
        return new TargetStatus(
                t.indicator(),
                t.target(),
                t.comparator(),
                t.binding(),
                actual,
                met,
                t.baseline2020(),
                line ? PlanTrajectory.BASELINE_ON.toString() : null,
                line ? PlanTrajectory.TARGET_ON.toString() : null,
                expected,
                PlanTrajectory.progress(t, actual, expected));
    }

    private static Long population(
            Long census, Map<String, PopulationFigure> updates, Map<String, Street> streets, boolean residents) {
        if (census == null) {
            return null;
        }
        long total = census;
        for (Map.Entry<String, PopulationFigure> e : updates.entrySet()) {
            Street base = streets.get(e.getKey());
            if (base != null) {
                total += residents
                        ? e.getValue().residents() - base.residents()
                        : e.getValue().elderly60() - base.elderly60();
            }
        }
        return total;
    }

    private static Double ratio(long count, Long denominator, int per) {
        return denominator == null || denominator == 0 ? null : (double) count / denominator * per;
    }
}
