package org.eldercare.streaming;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.document.IndicatorDocument.GroupCoverage;

/**
 * The coverage rules of docs/CONTRACT.md §7.3 and §7.5 as a plain fold over a list of events in order, written apart
 * from the job (no labels, shares or resolver of the product) so the MiniCluster test compares two readings of the
 * rules. "Served" reads the resolution as the fixture means it: records are one recipient when they share an ID
 * number, or a phone and a birth date.
 */
public final class ExpectedCoverage {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> GROUPS = List.of(
            "AGE_80_PLUS",
            "AGE_90_PLUS",
            "LIVING_ALONE",
            "EMPTY_NEST",
            "DISABLED_MILD",
            "DISABLED_MODERATE_OR_WORSE",
            "SPECIAL_HARDSHIP",
            "MINIMUM_SUBSISTENCE");

    record Entry(
            String personId,
            String idNumber,
            LocalDate birthDate,
            LivingArrangement arrangement,
            List<Benefit> benefits,
            String street,
            String district,
            long time) {}

    record Assessed(int level, LocalDate on, LocalDate due) {}

    record Service(String idNumber, String phone, LocalDate birthDate, LocalDate day) {}

    private final Set<String> seen = new HashSet<>();
    private final Set<String> facilities = new HashSet<>();
    private final Set<String> recordKeys = new HashSet<>();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Assessed> assessments = new HashMap<>();
    private final List<Service> services = new ArrayList<>();
    /** What the register rejects downstream. */
    public final List<String> rejections = new ArrayList<>();

    public ExpectedCoverage(List<CareEvent> events) {
        events.forEach(this::apply);
    }

    private void apply(CareEvent e) {
        if (!seen.add(e.source() + "|" + e.id())) {
            return;
        }
        long time = e.time().toInstant().toEpochMilli();
        switch (e.data()) {
            case FacilityDetails f -> facilities.add(f.facilityId());
            case PersonDetails p -> {
                Entry held = entries.get(p.personId());
                if (held == null || time >= held.time()) {
                    Recipient who = (Recipient) p.identity();
                    entries.put(
                            p.personId(),
                            new Entry(
                                    p.personId(),
                                    who.idNumber(),
                                    who.birthDate(),
                                    p.livingArrangement(),
                                    p.benefits(),
                                    p.streetCode(),
                                    p.districtCode(),
                                    time));
                }
            }
            case AssessmentRecorded a -> {
                if (!entries.containsKey(a.personId())) {
                    rejections.add("data.personId: no registered person " + a.personId());
                    return;
                }
                Assessed held = assessments.get(a.personId());
                if (held == null || !held.on().isAfter(a.assessedOn())) {
                    assessments.put(a.personId(), new Assessed(a.level(), a.assessedOn(), a.reassessDueOn()));
                }
            }
            case ServiceDelivered s -> {
                if (facilities.contains(s.facilityId()) && recordKeys.add(e.operatorId() + ":" + s.recordId())) {
                    Recipient r = (Recipient) s.recipient();
                    services.add(new Service(
                            r.idNumber(),
                            r.phone(),
                            r.birthDate(),
                            s.startedAt().atZoneSameInstant(SHANGHAI).toLocalDate()));
                }
            }
            default -> {}
        }
    }

    /** The {@code coverage} of a street (9 digits) or district (6 digits) on {@code today}. */
    public Coverage of(String code, LocalDate today) {
        Map<String, Entry> standing = new HashMap<>();
        for (Entry e : entries.values()) {
            String person = e.idNumber() == null ? "entry:" + e.personId() : "id:" + e.idNumber();
            Entry held = standing.get(person);
            if (held == null
                    || e.time() > held.time()
                    || e.time() == held.time() && e.personId().compareTo(held.personId()) > 0) {
                standing.put(person, e);
            }
        }
        long registered = 0, entitled = 0, served = 0, overdue = 0;
        long[] groupEntitled = new long[GROUPS.size()];
        long[] groupServed = new long[GROUPS.size()];
        for (Entry e : standing.values()) {
            if (!(e.street().equals(code) || e.district().equals(code))) {
                continue;
            }
            registered++;
            Set<String> labels = labels(e, today);
            boolean isServed = e.idNumber() != null && servedWithin30Days(e.idNumber(), today);
            overdue += labels.contains("ASSESSMENT_OVERDUE") ? 1 : 0;
            boolean any = false;
            for (int g = 0; g < GROUPS.size(); g++) {
                if (labels.contains(GROUPS.get(g))) {
                    any = true;
                    groupEntitled[g]++;
                    groupServed[g] += isServed ? 1 : 0;
                }
            }
            entitled += any ? 1 : 0;
            served += any && isServed ? 1 : 0;
        }
        List<GroupCoverage> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS.size(); g++) {
            groups.add(new GroupCoverage(
                    GROUPS.get(g), groupEntitled[g], groupServed[g], rate(groupServed[g], groupEntitled[g])));
        }
        return new Coverage(registered, entitled, served, rate(served, entitled), overdue, groups);
    }

    /** The labels of §7.3 on {@code today}, read straight from the facts. */
    Set<String> labels(Entry e, LocalDate today) {
        Set<String> labels = new HashSet<>();
        if (e.birthDate() != null) {
            int age = Period.between(e.birthDate(), today).getYears();
            if (age >= 80) {
                labels.add("AGE_80_PLUS");
            }
            if (age >= 90) {
                labels.add("AGE_90_PLUS");
            }
        }
        if (e.arrangement() == LivingArrangement.ALONE) {
            labels.add("LIVING_ALONE");
        }
        if (e.arrangement() == LivingArrangement.ALONE || e.arrangement() == LivingArrangement.COUPLE_ONLY) {
            labels.add("EMPTY_NEST");
        }
        Assessed a = assessments.get(e.personId());
        if (a != null && a.level() == 1) {
            labels.add("DISABLED_MILD");
        }
        if (a != null && a.level() >= 2) {
            labels.add("DISABLED_MODERATE_OR_WORSE");
        }
        if (a != null && a.due().isBefore(today)) {
            labels.add("ASSESSMENT_OVERDUE");
        }
        for (Benefit b : e.benefits()) {
            boolean holds = !today.isBefore(b.from()) && (b.to() == null || !today.isAfter(b.to()));
            if (holds && b.type() == BenefitType.SPECIAL_HARDSHIP) {
                labels.add("SPECIAL_HARDSHIP");
            }
            if (holds && b.type() == BenefitType.MINIMUM_SUBSISTENCE) {
                labels.add("MINIMUM_SUBSISTENCE");
            }
        }
        return labels;
    }

    /** Whether the records of the recipient holding {@code idNumber} include one started within 30 days. */
    private boolean servedWithin30Days(String idNumber, LocalDate today) {
        int n = services.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Service a = services.get(i);
                Service b = services.get(j);
                boolean sameId = a.idNumber() != null && a.idNumber().equals(b.idNumber());
                boolean samePhoneAndBirth = a.phone() != null
                        && a.phone().equals(b.phone())
                        && a.birthDate() != null
                        && a.birthDate().equals(b.birthDate());
                if (sameId || samePhoneAndBirth) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Set<Integer> clusters = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (idNumber.equals(services.get(i).idNumber())) {
                clusters.add(find(parent, i));
            }
        }
        LocalDate windowStart = today.minusDays(29);
        for (int i = 0; i < n; i++) {
            if (clusters.contains(find(parent, i)) && !services.get(i).day().isBefore(windowStart)) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    /** Half up to 4 places, in whole numbers: floor((2 · 10000 · served + entitled) / (2 · entitled)). */
    private static Double rate(long served, long entitled) {
        return entitled == 0 ? null : ((2 * 10_000 * served + entitled) / (2 * entitled)) / 10_000.0;
    }
}
