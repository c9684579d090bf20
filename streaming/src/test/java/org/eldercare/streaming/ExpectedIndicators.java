package org.eldercare.streaming;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.event.BedsChanged;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.CaregiverChange;
import org.eldercare.ingest.event.CaregiverHired;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.event.FacilityStatusChanged;
import org.eldercare.ingest.event.MealServed;
import org.eldercare.ingest.event.PopulationUpdated;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.PlanTarget;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;

/**
 * The docs/CONTRACT.md §2 counting rules as a plain fold over a list of events in order, written apart from
 * the job so the MiniCluster test compares two independent readings of the rules.
 */
public final class ExpectedIndicators {

    static final class Facility {
        String owner;
        FacilityKind kind;
        String street;
        int beds;
        int nursingBeds;
        int occupied;
        FacilityStatus status;
        long detailsTime = Long.MIN_VALUE;
        long statusTime = Long.MIN_VALUE;
        Map<java.time.LocalDate, Long> meals = new HashMap<>();
        Map<java.time.LocalDate, Long> services = new HashMap<>();
    }

    record Hire(String facility, boolean certified, long time) {}

    final Map<String, Facility> facilities = new HashMap<>();
    final Map<String, Hire> hires = new HashMap<>();
    final Map<String, String> onDutyAt = new HashMap<>();
    final Map<String, PopulationUpdated> populations = new HashMap<>();
    final Map<String, Long> populationTimes = new HashMap<>();
    public final List<String> rejections = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    int serviceRecords;

    public ExpectedIndicators(List<CareEvent> events) {
        events.forEach(this::apply);
    }

    private void apply(CareEvent e) {
        if (!seen.add(e.source() + "|" + e.id())) {
            return;
        }
        long t = e.time().toInstant().toEpochMilli();
        java.time.LocalDate day =
                e.time().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        if (e.data() instanceof PopulationUpdated p) {
            if (t >= populationTimes.getOrDefault(p.streetCode(), Long.MIN_VALUE)) {
                populations.put(p.streetCode(), p);
                populationTimes.put(p.streetCode(), t);
            }
            return;
        }
        String id = e.data().partitionKey();
        Facility f = facilities.get(id);
        String op = e.source().substring("/operators/".length());
        if (f == null && !e.type().wireName().equals("facility.registered")) {
            rejections.add("data.facilityId: unknown facility " + id);
            return;
        }
        if (f != null && !f.owner.equals(op)) {
            rejections.add("source: operator " + op + " does not own facility " + id);
            return;
        }
        if (f == null) {
            f = new Facility();
            f.owner = op;
            facilities.put(id, f);
        }
        switch (e.type()) {
            case FACILITY_REGISTERED, FACILITY_UPDATED -> {
                FacilityDetails d = (FacilityDetails) e.data();
                if (t >= f.detailsTime) {
                    f.kind = d.kind();
                    f.street = d.streetCode();
                    f.beds = d.beds();
                    f.nursingBeds = d.nursingBeds();
                    f.occupied = Math.min(f.occupied, f.beds);
                    f.detailsTime = t;
                }
                if (t >= f.statusTime) {
                    f.status = d.status();
                    f.statusTime = t;
                }
            }
            case FACILITY_STATUS_CHANGED -> {
                if (t >= f.statusTime) {
                    f.status = ((FacilityStatusChanged) e.data()).status();
                    f.statusTime = t;
                }
            }
            case BED_OCCUPIED, BED_RELEASED -> {
                int count = ((BedsChanged) e.data()).count();
                int next = f.occupied + (e.type().wireName().equals("bed.occupied") ? count : -count);
                if (next > f.beds) {
                    rejections.add("data.count: would take occupied beds to " + next + ", above the facility's "
                            + f.beds + " beds");
                } else if (next < 0) {
                    rejections.add("data.count: would take occupied beds to " + next + ", below 0");
                } else {
                    f.occupied = next;
                }
            }
            case MEAL_SERVED -> f.meals.merge(day, (long) ((MealServed) e.data()).meals(), Long::sum);
            case SERVICE_DELIVERED -> {
                f.services.merge(day, 1L, Long::sum);
                serviceRecords++;
            }
            case CAREGIVER_HIRED -> {
                // Caregiver ids are per operator (docs/CONTRACT.md §6.2).
                CaregiverHired h = (CaregiverHired) e.data();
                String who = e.operatorId() + "/" + h.caregiverId();
                Hire before = hires.get(who);
                if (before != null && !before.facility().equals(h.facilityId())) {
                    onDutyAt.remove(who, before.facility());
                }
                hires.put(who, new Hire(h.facilityId(), h.certified(), t));
            }
            case CAREGIVER_LEFT -> {
                CaregiverChange c = (CaregiverChange) e.data();
                String who = e.operatorId() + "/" + c.caregiverId();
                if (hires.containsKey(who) && hires.get(who).facility().equals(c.facilityId())) {
                    hires.remove(who);
                    onDutyAt.remove(who, c.facilityId());
                }
            }
            case CAREGIVER_SHIFT_STARTED ->
                onDutyAt.put(
                        e.operatorId() + "/" + ((CaregiverChange) e.data()).caregiverId(),
                        ((CaregiverChange) e.data()).facilityId());
            case CAREGIVER_SHIFT_ENDED ->
                onDutyAt.remove(
                        e.operatorId() + "/" + ((CaregiverChange) e.data()).caregiverId(),
                        ((CaregiverChange) e.data()).facilityId());
            default -> throw new IllegalStateException(e.type().wireName());
        }
    }

    /** The indicator object of a street (9 digits) or district (6 digits) code, without {@code asOf}. */
    public IndicatorDocument of(String code, java.time.LocalDate today) {
        Regions regions = Regions.load();
        boolean district = code.length() == 6;
        String name;
        long residents;
        long elderly;
        List<PlanTarget> plan;
        if (district) {
            District d = regions.district(code).orElseThrow();
            name = d.name();
            residents = d.residents();
            elderly = d.elderly60();
            plan = d.targets();
            for (PopulationUpdated p : populations.values()) {
                Street s = regions.street(p.streetCode()).orElseThrow();
                if (s.districtCode().equals(code)) {
                    residents += p.residents() - s.residents();
                    elderly += p.elderly60() - s.elderly60();
                }
            }
        } else {
            Street s = regions.street(code).orElseThrow();
            name = s.name();
            PopulationUpdated p = populations.get(code);
            residents = p == null ? s.residents() : p.residents();
            elderly = p == null ? s.elderly60() : p.elderly60();
            plan = List.of();
        }
        long beds = 0,
                institutionBeds = 0,
                nursingBeds = 0,
                occupied = 0,
                centers = 0,
                stations = 0,
                institutions = 0,
                tables = 0,
                meals = 0,
                services = 0;
        for (Map.Entry<String, Facility> entry : facilities.entrySet()) {
            Facility f = entry.getValue();
            if (!in(f, code)) {
                continue;
            }
            meals += f.meals.getOrDefault(today, 0L);
            services += f.services.getOrDefault(today, 0L);
            if (f.status != FacilityStatus.OPERATING) {
                continue;
            }
            beds += f.beds;
            occupied += f.occupied;
            switch (f.kind) {
                case CARE_CENTER -> centers++;
                case CARE_STATION -> stations++;
                case INSTITUTION -> {
                    institutions++;
                    institutionBeds += f.beds;
                    nursingBeds += f.nursingBeds;
                }
                case MEAL_TABLE -> tables++;
            }
        }
        long caregivers = 0, certified = 0, onDuty = 0;
        for (Hire h : hires.values()) {
            if (in(facilities.get(h.facility()), code)) {
                caregivers++;
                certified += h.certified() ? 1 : 0;
            }
        }
        for (String facility : onDutyAt.values()) {
            onDuty += in(facilities.get(facility), code) ? 1 : 0;
        }
        Double bedsRatio = beds * 1000.0 / residents;
        Double institutionRatio = institutionBeds * 1000.0 / residents;
        Double caregiverRatio = caregivers * 10000.0 / elderly;
        Double nursingShare = institutionBeds == 0 ? null : nursingBeds / (double) institutionBeds;
        List<TargetStatus> targets = new ArrayList<>();
        for (PlanTarget t : plan) {
            Double actual = switch (t.indicator()) {
                case "bedsPerThousandResidents" -> bedsRatio;
                case "institutionBedsPerThousandResidents" -> institutionRatio;
                case "careCenters" -> (double) centers;
                case "careStations" -> (double) stations;
                case "caregiversPerTenThousandElderly" -> caregiverRatio;
                case "nursingBedShare" -> nursingShare;
                default -> throw new IllegalStateException(t.indicator());
            };
            targets.add(target(t, actual, today));
        }
        return new IndicatorDocument(
                code,
                name,
                district ? "DISTRICT" : "STREET",
                residents,
                elderly,
                beds,
                bedsRatio,
                institutionBeds,
                institutionRatio,
                nursingBeds,
                nursingShare,
                occupied,
                beds == 0 ? null : occupied / (double) beds,
                centers,
                stations,
                institutions,
                tables,
                caregivers,
                certified,
                caregiverRatio,
                onDuty,
                meals,
                services,
                targets,
                null);
    }

    /**
     * Met by the comparator, and the straight line of docs/CONTRACT.md §8.2 worked out here on its own: 1,826 days
     * from 2020-12-31 to 2025-12-31, held to the baseline before and the target after.
     */
    private static TargetStatus target(PlanTarget t, Double actual, java.time.LocalDate today) {
        Boolean met = null;
        if (actual != null) {
            met = switch (t.comparator()) {
                case ">=" -> actual >= t.target() - 1e-9;
                case "<=" -> actual <= t.target() + 1e-9;
                default -> Math.abs(actual - t.target()) <= 1e-9;
            };
        }
        if (t.baseline2020() == null) {
            return new TargetStatus(t.indicator(), t.target(), t.comparator(), t.binding(), actual, met);
        }
        java.time.LocalDate from = java.time.LocalDate.parse("2020-12-31");
        java.time.LocalDate to = java.time.LocalDate.parse("2025-12-31");
        double share = today.isBefore(from)
                ? 0
                : today.isAfter(to) ? 1 : java.time.temporal.ChronoUnit.DAYS.between(from, today) / 1826.0;
        double expected = t.baseline2020() + (t.target() - t.baseline2020()) * share;
        String progress = null;
        if (actual != null) {
            double better = ">=".equals(t.comparator()) ? actual - expected : expected - actual;
            progress = Math.abs(actual - expected) <= 1e-9
                    ? "ON_TRACK"
                    : better > 0 && !"=".equals(t.comparator()) ? "AHEAD" : "BEHIND";
        }
        return new TargetStatus(
                t.indicator(),
                t.target(),
                t.comparator(),
                t.binding(),
                actual,
                met,
                t.baseline2020(),
                "2020-12-31",
                "2025-12-31",
                expected,
                progress);
    }

    private static boolean in(Facility f, String code) {
        return f != null && (f.street.equals(code) || f.street.startsWith(code) && code.length() == 6);
    }
}
