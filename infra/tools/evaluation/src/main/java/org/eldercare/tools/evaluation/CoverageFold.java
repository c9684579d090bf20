package org.eldercare.tools.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.document.IndicatorDocument.GroupCoverage;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.recipient.RecipientEntry;

/**
 * The coverage rules of docs/CONTRACT.md §7.3 and §7.5 as a plain fold, written apart from the job (none of its
 * labels, shares, identities or counts): the register events the job was given give each entry's facts, the latest event per entry
 * standing; entries with the same ID number are one person, the latest standing for them. "Served" is read through
 * the job's own resolution, as §7.4/§7.5 join it: each service record's day (from the event), the recipient the job
 * filed it under (its {@code service-records} document), followed through redirects to the current recipient, whose
 * {@code idHashes} name the registered people it served. So a difference from the job's indicators is a difference
 * in the coverage computation, not in resolution.
 */
final class CoverageFold {

    /** The eight target groups in the order of §7.5. */
    static final List<String> GROUPS = List.of(
            "AGE_80_PLUS",
            "AGE_90_PLUS",
            "LIVING_ALONE",
            "EMPTY_NEST",
            "DISABLED_MILD",
            "DISABLED_MODERATE_OR_WORSE",
            "SPECIAL_HARDSHIP",
            "MINIMUM_SUBSISTENCE");

    private record Entry(
            String personId,
            String idNumber,
            LocalDate birthDate,
            LivingArrangement arrangement,
            List<Benefit> benefits,
            String street,
            String district,
            long time) {}

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, AssessmentRecorded> assessments = new HashMap<>();
    /** The latest record day per keyed ID digest of the recipient the job filed the record under. */
    private final Map<String, LocalDate> lastServedByDigest = new HashMap<>();

    private final Pii pii;

    /**
     * @param hmacKey the key the job digests ID numbers with
     * @param job the job's service-record and recipients documents
     */
    CoverageFold(RegisterSet set, CoveragePipeline.Output job, String hmacKey) {
        this.pii = Pii.withKey(hmacKey);
        Set<String> seen = new HashSet<>();
        // The events as the job got them: the register's order is their sending time (§7.5: updatedAt).
        for (CareEvent e : job.events()) {
            if (seen.add(e.source() + "|" + e.id())) {
                apply(e);
            }
        }
        for (LabelledRecord r : set.records()) {
            ServiceRecordDocument doc = job.records().get(r.recordKey());
            if (doc == null || doc.recipientId() == null) {
                continue; // rejected, or not resolved: served nobody
            }
            RecipientEntry recipient = current(doc.recipientId(), job.recipients());
            if (recipient == null || recipient.person().idHashes() == null) {
                continue;
            }
            LocalDate day = r.at().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
            for (String digest : recipient.person().idHashes()) {
                lastServedByDigest.merge(digest, day, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
    }

    /** The current recipient {@code id} now is: itself, or the one its redirect names (§4: never a chain). */
    private static RecipientEntry current(String id, Map<String, RecipientEntry> recipients) {
        RecipientEntry entry = recipients.get(id);
        for (int hops = 0; entry != null && entry.isRedirect() && hops < 100; hops++) {
            entry = recipients.get(entry.mergedInto());
        }
        return entry;
    }

    private void apply(CareEvent e) {
        long time = e.time().toInstant().toEpochMilli();
        switch (e.data()) {
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
                if (entries.containsKey(a.personId())) {
                    AssessmentRecorded held = assessments.get(a.personId());
                    if (held == null || !held.assessedOn().isAfter(a.assessedOn())) {
                        assessments.put(a.personId(), a);
                    }
                }
            }
            default -> {}
        }
    }

    /** The {@code coverage} of every scope the register names (street and district codes) on {@code today}. */
    Map<String, Coverage> coverage(LocalDate today) {
        Map<String, Entry> standing = new HashMap<>();
        for (Entry e : entries.values()) {
            String person = e.idNumber() == null
                    ? "entry:" + e.personId()
                    : "id:" + e.idNumber().toUpperCase(Locale.ROOT);
            Entry held = standing.get(person);
            if (held == null
                    || e.time() > held.time()
                    || e.time() == held.time() && e.personId().compareTo(held.personId()) > 0) {
                standing.put(person, e);
            }
        }
        Map<String, Counts> scopes = new HashMap<>();
        LocalDate windowStart = today.minusDays(29);
        for (Entry e : standing.values()) {
            Set<String> labels = labels(e, today);
            boolean served = false;
            if (e.idNumber() != null) {
                LocalDate last =
                        lastServedByDigest.get(pii.hashIdNumber(e.idNumber().toUpperCase(Locale.ROOT)));
                served = last != null && !last.isBefore(windowStart);
            }
            for (String scope : List.of(e.street(), e.district())) {
                scopes.computeIfAbsent(scope, s -> new Counts()).add(labels, served);
            }
        }
        Map<String, Coverage> out = new HashMap<>();
        scopes.forEach((scope, counts) -> out.put(scope, counts.coverage()));
        return out;
    }

    /** The labels of §7.3 on {@code today}, read straight from the facts. */
    private Set<String> labels(Entry e, LocalDate today) {
        Set<String> labels = new HashSet<>();
        if (e.birthDate() != null) {
            int age = GroundTruth.age(e.birthDate(), today);
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
        AssessmentRecorded a = assessments.get(e.personId());
        if (a != null && a.level() == 1) {
            labels.add("DISABLED_MILD");
        }
        if (a != null && a.level() >= 2) {
            labels.add("DISABLED_MODERATE_OR_WORSE");
        }
        if (a != null && a.reassessDueOn().isBefore(today)) {
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

    /** One scope's counts while folding; also used for the truth's coverage. */
    static final class Counts {
        private long registered;
        private long entitled;
        private long served;
        private long overdue;
        private final long[] groupEntitled = new long[GROUPS.size()];
        private final long[] groupServed = new long[GROUPS.size()];

        void add(Set<String> labels, boolean isServed) {
            registered++;
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

        Coverage coverage() {
            List<GroupCoverage> groups = new ArrayList<>();
            for (int g = 0; g < GROUPS.size(); g++) {
                groups.add(new GroupCoverage(
                        GROUPS.get(g), groupEntitled[g], groupServed[g], rate(groupServed[g], groupEntitled[g])));
            }
            return new Coverage(registered, entitled, served, rate(served, entitled), overdue, groups);
        }
    }

    /** Half up to 4 places, in whole numbers: floor((2 · 10000 · served + entitled) / (2 · entitled)). */
    static Double rate(long served, long entitled) {
        return entitled == 0 ? null : ((2 * 10_000 * served + entitled) / (2 * entitled)) / 10_000.0;
    }

    /** Nobody in the scope: what the job publishes for a reference scope no register entry names. */
    static Coverage empty() {
        return new Counts().coverage();
    }
}
