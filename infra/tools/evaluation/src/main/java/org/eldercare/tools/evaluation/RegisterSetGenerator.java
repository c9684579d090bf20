package org.eldercare.tools.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eldercare.ingest.event.AssessmentRecorded;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.ingest.event.PersonDetails;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.normalize.IdNumbers;

/**
 * Generates a register of older people as a street's civil-affairs office would keep it, with the facts their labels
 * follow from as of an evaluation date, and noisy service records against it. It has the hard cases of a real street
 * more densely than {@link EvaluationSetGenerator#generate}: spouses sharing one phone and address (most older people
 * live in couples), namesakes in the same street and on the same road, twins sharing a birth date and an address with
 * different ID numbers; a third of service records carry no ID number. Facts sit on the label boundaries too: 80th
 * and 90th birthdays on the evaluation date and the day after, benefits ending on it and the day before, re-assessments
 * falling due on it and the day before. The same seed and evaluation date give the same set.
 */
final class RegisterSetGenerator {

    private static final String OFFICE_SOURCE = "/civil-affairs/";

    private final EvaluationSetGenerator people;
    private final Random random;
    private final Regions regions;

    RegisterSetGenerator(long seed, Regions regions) {
        this.people = new EvaluationSetGenerator(seed, regions);
        this.random = people.random();
        this.regions = regions;
    }

    /**
     * {@code registered} people in the register, 60 or older on {@code evaluationDate}, of whom about two thirds are
     * served; plus a tenth as many served people who are not registered.
     */
    RegisterSet generate(int registered, LocalDate evaluationDate) {
        List<TruePerson> persons = new ArrayList<>();
        int total = registered + registered / 10;
        while (persons.size() < total) {
            double kind = random.nextDouble();
            if (kind < 0.22 && !persons.isEmpty() && !isCouple(persons.getLast())) {
                persons.add(people.spouseOf(persons.getLast(), persons.size()));
            } else if (kind < 0.25 && persons.size() + 2 <= total) {
                TruePerson first = people.newPerson(persons.size(), birth(evaluationDate));
                persons.add(first);
                persons.add(people.twinOf(first, persons.size()));
            } else if (kind < 0.33 && !persons.isEmpty()) {
                TruePerson namesake = persons.get(random.nextInt(persons.size()));
                persons.add(people.neighbourOf(namesake, persons.size(), birth(evaluationDate)));
            } else {
                persons.add(people.newPerson(persons.size(), birth(evaluationDate)));
            }
        }
        // A spouse's birth date was drawn around the partner's; keep everyone in the register 60 or older.
        persons.replaceAll(p -> p.birthDate().plusYears(60).isAfter(evaluationDate) ? olderBy(p, 6) : p);

        Map<String, RegisterFacts> facts = new HashMap<>();
        List<CareEvent> events = new ArrayList<>();
        OffsetDateTime registeredAt =
                evaluationDate.minusDays(400).atStartOfDay().atOffset(ZoneOffset.ofHours(8));
        for (int i = 0; i < registered; i++) {
            TruePerson p = persons.get(i);
            RegisterFacts f = facts(p, persons, facts, evaluationDate);
            facts.put(p.truthId(), f);
            events.addAll(events(p, f, registeredAt.plusMinutes(i), evaluationDate));
        }
        events.sort(Comparator.comparing(CareEvent::time).thenComparing(CareEvent::id));

        List<LabelledRecord> records = new ArrayList<>();
        Instant windowStart = evaluationDate.minusDays(300).atStartOfDay().toInstant(ZoneOffset.ofHours(8));
        for (int i = 0; i < persons.size(); i++) {
            TruePerson p = persons.get(i);
            boolean served = i >= registered || random.nextDouble() < 0.65;
            if (!served) {
                continue;
            }
            int count = 1 + random.nextInt(7);
            for (int r = 0; r < count; r++) {
                Instant at = windowStart.plusSeconds((long) (random.nextDouble() * 299 * 86_400));
                String phone = p.phones().size() > 1 && r >= count / 2
                        ? p.phones().get(1)
                        : p.phones().getFirst();
                records.add(new LabelledRecord(
                        "op-eval:" + p.truthId() + "-" + r, at, people.noise().record(p, phone), p.truthId()));
            }
        }
        records.sort(Comparator.comparing(LabelledRecord::at).thenComparing(LabelledRecord::recordKey));
        return new RegisterSet(
                evaluationDate, List.copyOf(persons), Map.copyOf(facts), List.copyOf(events), List.copyOf(records));
    }

    private static boolean isCouple(TruePerson p) {
        return p.kind().equals("spouse");
    }

    /**
     * A birth date 60 to 100 years before {@code day}, weighted to the young-old as in Beijing (80+ about a fifth of
     * 60+); one in 25 on an 80th or 90th birthday boundary: the day itself or the day after.
     */
    private LocalDate birth(LocalDate day) {
        double roll = random.nextDouble();
        if (roll < 0.04) {
            int years = roll < 0.02 ? 80 : 90;
            return day.minusYears(years).plusDays(roll < 0.01 || (roll >= 0.02 && roll < 0.03) ? 0 : 1);
        }
        int ageDays = (int) (Math.pow(random.nextDouble(), 2.8) * 40 * 365.25) + 60 * 366;
        return day.minusDays(ageDays);
    }

    /** {@code p} born {@code years} earlier, with the ID number that birth date gives. */
    private static TruePerson olderBy(TruePerson p, int years) {
        LocalDate birth = p.birthDate().minusYears(years);
        String body = p.idNumber().substring(0, 6)
                + birth.toString().replace("-", "")
                + p.idNumber().substring(14, 17);
        return new TruePerson(
                p.truthId(),
                p.name(),
                p.gender(),
                birth,
                body + IdNumbers.checkChar(body),
                p.phones(),
                p.street(),
                p.addressLine(),
                p.home(),
                p.kind(),
                p.relativeId());
    }

    private RegisterFacts facts(TruePerson p, List<TruePerson> all, Map<String, RegisterFacts> known, LocalDate day) {
        LivingArrangement arrangement;
        if (p.kind().equals("spouse") && known.containsKey(p.relativeId())) {
            arrangement = known.get(p.relativeId()).livingArrangement();
        } else {
            boolean partnered = p.truthId().equals(spouseTarget(p, all));
            double roll = random.nextDouble();
            arrangement = partnered
                    ? (roll < 0.7 ? LivingArrangement.COUPLE_ONLY : LivingArrangement.WITH_FAMILY)
                    : roll < 0.28
                            ? LivingArrangement.ALONE
                            : roll < 0.92 ? LivingArrangement.WITH_FAMILY : LivingArrangement.IN_INSTITUTION;
        }
        List<Benefit> benefits = new ArrayList<>();
        benefit(BenefitType.SPECIAL_HARDSHIP, 0.03, day, benefits);
        benefit(BenefitType.MINIMUM_SUBSISTENCE, 0.07, day, benefits);
        benefit(BenefitType.LOW_INCOME, 0.05, day, benefits);
        benefit(BenefitType.FAMILY_PLANNING_SPECIAL, 0.01, day, benefits);
        List<AssessmentRecorded> assessments = new ArrayList<>();
        String personId = "R" + p.truthId().substring(1);
        if (random.nextDouble() < 0.45) {
            int count = random.nextDouble() < 0.15 ? 2 : 1;
            LocalDate on = day.minusDays(30 + random.nextInt(3 * 365));
            for (int i = 0; i < count; i++) {
                LocalDate due = dueDate(on, day);
                assessments.add(new AssessmentRecorded(
                        "A" + p.truthId().substring(1) + "-" + i, personId, level(), on, "评估中心", due));
                on = on.plusDays(90 + random.nextInt(200));
                if (!on.isBefore(day)) {
                    break;
                }
            }
        }
        boolean withId = random.nextDouble() >= 0.05;
        boolean updated = random.nextDouble() < 0.1;
        return new RegisterFacts(personId, arrangement, benefits, assessments, withId, updated);
    }

    /** The truth id of the person {@code p} is married to, when one of the set is. */
    private static String spouseTarget(TruePerson p, List<TruePerson> all) {
        int at = Integer.parseInt(p.truthId().substring(1));
        if (at + 1 < all.size() && all.get(at + 1).kind().equals("spouse")) {
            return p.truthId();
        }
        return null;
    }

    private void benefit(BenefitType type, double share, LocalDate day, List<Benefit> out) {
        if (random.nextDouble() >= share) {
            return;
        }
        LocalDate from = day.minusDays(1 + random.nextInt(8 * 365));
        double roll = random.nextDouble();
        LocalDate to;
        if (roll < 0.1) {
            to = day; // still holds today
        } else if (roll < 0.2) {
            to = day.minusDays(1); // ended yesterday
        } else if (roll < 0.3) {
            from = day.plusDays(1); // granted from tomorrow
            to = null;
        } else if (roll < 0.45) {
            to = from.plusDays(random.nextInt(Math.max(1, (int) (day.toEpochDay() - from.toEpochDay()))));
        } else {
            to = null;
        }
        out.add(new Benefit(type, from, to));
    }

    private LocalDate dueDate(LocalDate assessedOn, LocalDate day) {
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return day.isAfter(assessedOn) ? day : assessedOn.plusYears(1); // due today: not yet overdue
        } else if (roll < 0.1 && day.minusDays(1).isAfter(assessedOn)) {
            return day.minusDays(1); // due yesterday: overdue today
        }
        return assessedOn.plusYears(1);
    }

    /** GB/T 42195-2022 levels among assessed older people: most able, a few fully dependent. */
    private int level() {
        double roll = random.nextDouble();
        return roll < 0.45 ? 0 : roll < 0.7 ? 1 : roll < 0.85 ? 2 : roll < 0.95 ? 3 : 4;
    }

    private List<CareEvent> events(TruePerson p, RegisterFacts f, OffsetDateTime at, LocalDate day) {
        String office = OFFICE_SOURCE + p.street().code();
        List<CareEvent> out = new ArrayList<>();
        String address =
                regions.district(p.street().districtCode()).orElseThrow().name()
                        + p.street().name()
                        + p.addressLine();
        Recipient identity = new Recipient(
                p.name(),
                f.registeredWithId() ? p.idNumber() : null,
                p.phones().getFirst(),
                p.gender(),
                p.birthDate(),
                null,
                null);
        if (f.updated()) {
            // First registered as living with family on no benefit; the update brings today's facts.
            out.add(event(
                    office,
                    EventType.PERSON_REGISTERED,
                    at,
                    details(p, f, identity, address, LivingArrangement.WITH_FAMILY, List.of())));
            out.add(event(
                    office,
                    EventType.PERSON_UPDATED,
                    at.plusDays(200),
                    details(p, f, identity, address, f.livingArrangement(), f.benefits())));
        } else {
            out.add(event(
                    office,
                    EventType.PERSON_REGISTERED,
                    at,
                    details(p, f, identity, address, f.livingArrangement(), f.benefits())));
        }
        for (AssessmentRecorded a : f.assessments()) {
            // Entered the day after the assessment, but never before the person is registered.
            OffsetDateTime entered = a.assessedOn().plusDays(1).atTime(10, 0).atOffset(ZoneOffset.ofHours(8));
            out.add(event(office, EventType.ASSESSMENT_RECORDED, entered.isAfter(at) ? entered : at.plusHours(1), a));
        }
        return out;
    }

    private static PersonDetails details(
            TruePerson p,
            RegisterFacts f,
            Recipient identity,
            String address,
            LivingArrangement arrangement,
            List<Benefit> benefits) {
        return new PersonDetails(
                f.personId(),
                identity,
                address,
                null,
                p.street().districtCode(),
                p.street().code(),
                arrangement,
                benefits,
                null);
    }

    private CareEvent event(
            String source, EventType type, OffsetDateTime at, org.eldercare.ingest.event.EventData data) {
        return new CareEvent("reg-" + Long.toHexString(random.nextLong()), source, type, at, data);
    }
}
