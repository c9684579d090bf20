package org.eldercare.tools.simulator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventData;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Street;

/**
 * The street civil-affairs offices' register of older people (docs/CONTRACT.md §7), as each street office would send
 * it from {@code /civil-affairs/<streetCode>}: about half of a street's register are people the operators serve (same
 * identity; the operators' records of them keep their hand-entry slips), the other half people nobody serves,
 * up to {@code perDistrict} per district spread by street 60+ population. So a street's worklist holds served and
 * unserved people. Living arrangements, benefits (特困, 低保, 低收入, 计划生育特殊家庭; some ended) and GB/T 42195
 * assessments (levels 0–4, re-assessment due a year on, so about a third overdue) are drawn at plausible rates; later,
 * {@link #next} sends moves, benefits starting and ending, changes of living arrangement and new assessments.
 *
 * <p>Every event passes the register's validation (§7.2): a valid 18-character ID number agreeing with the birth date,
 * benefits in order, assessments not in the future and due after they were made. Not thread-safe.
 */
final class CivilAffairsRegister {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** The share of a street's register the operators also serve. */
    private static final double SERVED_SHARE = 0.5;

    /** One registered person as the office holds them now; {@code person.updated} sends all of it again. */
    private static final class Entry {
        final String personId;
        final Person person;
        final String districtCode;
        final String districtName;
        final boolean withIdNumber;
        String address;
        LivingArrangement arrangement;
        final List<Benefit> benefits = new ArrayList<>();
        int assessments;
        /** The level of the latest assessment, -1 while never assessed. */
        int level = -1;

        Entry(String personId, Person person, District district, boolean withIdNumber) {
            this.personId = personId;
            this.person = person;
            this.districtCode = district.code();
            this.districtName = district.name();
            this.withIdNumber = withIdNumber;
            this.address = person.address();
        }

        String source() {
            return CareEvent.CIVIL_AFFAIRS_SOURCE_PREFIX + person.streetCode();
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final NameBook names;
    private final SplittableRandom random;
    private final String runId;
    private long sequence;

    CivilAffairsRegister(
            List<District> districts,
            RecipientPool served,
            int perDistrict,
            NameBook names,
            SplittableRandom random,
            String runId) {
        this.names = names;
        this.random = random;
        this.runId = runId;
        Set<String> taken = new HashSet<>();
        served.all().forEach(p -> taken.add(p.idNumber()));
        for (District district : districts) {
            long elderly =
                    district.streets().stream().mapToLong(Street::elderly60).sum();
            for (Street street : district.streets()) {
                int quota = (int) Math.round((double) perDistrict * street.elderly60() / Math.max(1, elderly));
                List<Person> people = new ArrayList<>();
                List<Person> local = served.inStreet(street.code());
                double take = SERVED_SHARE * quota / Math.max(1, local.size());
                for (Person p : local) {
                    if (people.size() < quota && random.nextDouble() < take) {
                        people.add(p);
                    }
                }
                while (people.size() < quota) {
                    people.add(RecipientPool.person(district, street, names, random, taken));
                }
                for (int i = 0; i < people.size(); i++) {
                    Entry e = new Entry(
                            "R" + street.code() + "-" + (i + 1), people.get(i), district, random.nextInt(100) >= 3);
                    e.arrangement = arrangement();
                    entries.add(e);
                }
            }
        }
    }

    int size() {
        return entries.size();
    }

    /**
     * A registered person as the terminals and visits see them (no identity beyond the register number).
     *
     * @param level the latest GB/T 42195 assessment level, -1 when never assessed
     * @param benefit whether a benefit (特困, 低保, …) runs today
     */
    record Resident(
            String personId,
            String districtCode,
            String streetCode,
            GeoPoint home,
            LivingArrangement arrangement,
            int level,
            boolean benefit) {

        /** Living alone, or moderately to completely dependent (GB/T 42195 level 2 and above). */
        boolean aloneOrDisabled() {
            return arrangement == LivingArrangement.ALONE || level >= 2;
        }
    }

    /** Everyone in the register as the offices hold them now, in register order. */
    List<Resident> residents() {
        return entries.stream()
                .map(e -> new Resident(
                        e.personId,
                        e.districtCode,
                        e.person.streetCode(),
                        e.person.home(),
                        e.arrangement,
                        e.level,
                        e.benefits.stream().anyMatch(b -> b.to() == null)))
                .toList();
    }

    /**
     * The register as the offices first send it at {@code at}: each person registered, with their benefits, and the
     * latest assessment of those assessed. Ids are stable per seed, so sending them again after a restart is harmless.
     */
    List<CareEvent> registrations(OffsetDateTime at) {
        LocalDate today = at.atZoneSameInstant(BEIJING).toLocalDate();
        List<CareEvent> events = new ArrayList<>();
        List<CareEvent> assessments = new ArrayList<>();
        for (Entry e : entries) {
            drawBenefits(e, today);
            events.add(new CareEvent("pr-" + e.personId, e.source(), EventType.PERSON_REGISTERED, at, details(e)));
            if (random.nextInt(100) < 35) {
                LocalDate on = today.minusDays(1 + random.nextInt(540));
                assessments.add(new CareEvent(
                        "pa-" + e.personId + "-0", e.source(), EventType.ASSESSMENT_RECORDED, at, assessment(e, on)));
            }
        }
        // After every registration: an assessment of a person the register does not know yet is rejected.
        events.addAll(assessments);
        return events;
    }

    /** One change an office enters at {@code at}: a move, a benefit starting or ending, a new household, an assessment. */
    CareEvent next(OffsetDateTime at) {
        Entry e = NameBook.pick(random, entries);
        LocalDate today = at.atZoneSameInstant(BEIJING).toLocalDate();
        String id = runId + "-reg-" + (++sequence);
        int roll = random.nextInt(100);
        if (roll < 25) {
            return new CareEvent(id, e.source(), EventType.ASSESSMENT_RECORDED, at, assessment(e, today));
        }
        if (roll < 50) {
            e.address = e.address.replaceFirst("\\d+号楼\\d+单元\\d+室$", "")
                    + (1 + random.nextInt(30)) + "号楼" + (1 + random.nextInt(6)) + "单元"
                    + (101 + random.nextInt(6) * 100 + random.nextInt(4)) + "室";
        } else if (roll < 65) {
            e.benefits.add(new Benefit(NameBook.pick(random, List.of(BenefitType.values())), today, null));
            if (e.benefits.size() > 8) {
                e.benefits.removeFirst();
            }
        } else if (roll < 80) {
            endABenefit(e, today);
        } else {
            // A spouse dies or moves into care, children move out or back in.
            e.arrangement = switch (e.arrangement) {
                case COUPLE_ONLY -> LivingArrangement.ALONE;
                case WITH_FAMILY -> LivingArrangement.COUPLE_ONLY;
                case ALONE -> random.nextBoolean() ? LivingArrangement.WITH_FAMILY : LivingArrangement.IN_INSTITUTION;
                case IN_INSTITUTION -> LivingArrangement.IN_INSTITUTION;
            };
        }
        return new CareEvent(id, e.source(), EventType.PERSON_UPDATED, at, details(e));
    }

    private LivingArrangement arrangement() {
        int roll = random.nextInt(100);
        return roll < 20
                ? LivingArrangement.ALONE
                : roll < 55
                        ? LivingArrangement.COUPLE_ONLY
                        : roll < 95 ? LivingArrangement.WITH_FAMILY : LivingArrangement.IN_INSTITUTION;
    }

    private void drawBenefits(Entry e, LocalDate today) {
        benefit(e, BenefitType.SPECIAL_HARDSHIP, 2, today);
        benefit(e, BenefitType.MINIMUM_SUBSISTENCE, 5, today);
        benefit(e, BenefitType.LOW_INCOME, 4, today);
        benefit(e, BenefitType.FAMILY_PLANNING_SPECIAL, 1, today);
    }

    private void benefit(Entry e, BenefitType type, int percent, LocalDate today) {
        if (random.nextInt(100) >= percent) {
            return;
        }
        LocalDate from = today.minusDays(30 + random.nextInt(6 * 365));
        // One in five has ended: the label goes, the history stays.
        LocalDate to = random.nextInt(5) == 0
                ? from.plusDays(random.nextInt((int) (today.toEpochDay() - from.toEpochDay())))
                : null;
        e.benefits.add(new Benefit(type, from, to));
    }

    private void endABenefit(Entry e, LocalDate today) {
        for (int i = 0; i < e.benefits.size(); i++) {
            Benefit b = e.benefits.get(i);
            if (b.to() == null) {
                LocalDate to = b.from().isBefore(today) ? today.minusDays(1) : b.from();
                e.benefits.set(i, new Benefit(b.type(), b.from(), to));
                return;
            }
        }
    }

    /** A GB/T 42195-2022 assessment on {@code on}, re-assessment due a year later. */
    private EventData assessment(Entry e, LocalDate on) {
        int roll = random.nextInt(100);
        int level = roll < 40 ? 0 : roll < 65 ? 1 : roll < 83 ? 2 : roll < 95 ? 3 : 4;
        e.level = level;
        return new AssessmentRecorded(
                "A" + e.personId + "-" + (e.assessments++),
                e.personId,
                level,
                on,
                e.districtName + "老年人能力评估中心",
                on.plusYears(1));
    }

    private static PersonDetails details(Entry e) {
        Person p = e.person;
        return new PersonDetails(
                e.personId,
                new Recipient(
                        p.name(),
                        e.withIdNumber ? p.idNumber() : null,
                        p.phone(),
                        p.gender(),
                        p.birthDate(),
                        null,
                        null),
                e.address,
                p.home(),
                e.districtCode,
                p.streetCode(),
                e.arrangement,
                List.copyOf(e.benefits),
                null);
    }
}
