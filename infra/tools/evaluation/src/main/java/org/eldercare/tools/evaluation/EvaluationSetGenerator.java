package org.eldercare.tools.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.normalize.IdNumbers;

/**
 * Generates a labelled evaluation set from a seed: elderly persons of 门头沟 and 大兴 with valid identity numbers,
 * phones and addresses on the reference streets, including the hard cases of a real street (namesakes elsewhere
 * and on the same road of the same street, spouses sharing a phone and an address, twins with the same birth
 * date, address and similar names), then several service records per person with
 * hand-entry noise, and hotline queries with noise. The same seed gives the same set.
 */
public final class EvaluationSetGenerator {

    private static final String[] ROADS = {
        "新桥大街", "黑山大街", "滨河路", "石龙路", "葡山路", "兴华大街", "金星路", "康庄路", "育新街", "清源路", "永兴路", "双河北路"
    };
    private static final String[] OTHER_PREFIXES = {"110102", "110105", "110108", "130102", "370102", "410102"};
    private static final Instant YEAR_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final long YEAR_SECONDS = 365L * 24 * 3600;

    private final Random random;
    private final List<Street> streets;
    private final NameNoise nameNoise = new NameNoise();
    private final RecordNoise noise;
    private final Set<String> usedIds = new HashSet<>();
    private final Set<String> usedPhones = new HashSet<>();

    public EvaluationSetGenerator(long seed, Regions regions) {
        this.random = new Random(seed);
        this.streets = regions.districts().stream()
                .filter(d -> d.code().equals("110109") || d.code().equals("110115"))
                .map(District::streets)
                .flatMap(List::stream)
                .filter(s -> s.elderly60() > 0)
                .toList();
        this.noise = new RecordNoise(random, nameNoise, regions);
    }

    public EvaluationSet generate(int personCount) {
        List<TruePerson> persons = new ArrayList<>();
        while (persons.size() < personCount) {
            double kind = random.nextDouble();
            if (kind < 0.08 && !persons.isEmpty()) {
                persons.add(spouseOf(persons.get(random.nextInt(persons.size())), persons.size()));
            } else if (kind < 0.11 && persons.size() + 2 <= personCount) {
                TruePerson first = newPerson(persons.size(), randomName(), "person");
                persons.add(first);
                persons.add(twinOf(first, persons.size()));
            } else if (kind < 0.15 && !persons.isEmpty()) {
                // The hard namesake of a real street: same name, same road, another building (§7.6).
                TruePerson namesakeOf = persons.get(random.nextInt(persons.size()));
                persons.add(neighbourOf(
                        namesakeOf, persons.size(), LocalDate.of(1930, 1, 1).plusDays(random.nextInt(36 * 365))));
            } else if (kind < 0.19 && !persons.isEmpty()) {
                TruePerson namesakeOf = persons.get(random.nextInt(persons.size()));
                TruePerson namesake = newPerson(persons.size(), namesakeOf.name(), "namesake");
                persons.add(new TruePerson(
                        namesake.truthId(),
                        namesake.name(),
                        namesake.gender(),
                        namesake.birthDate(),
                        namesake.idNumber(),
                        namesake.phones(),
                        namesake.street(),
                        namesake.addressLine(),
                        namesake.home(),
                        "namesake",
                        namesakeOf.truthId()));
            } else {
                persons.add(newPerson(persons.size(), randomName(), "person"));
            }
        }
        List<LabelledRecord> records = new ArrayList<>();
        for (TruePerson p : persons) {
            int count = 1 + random.nextInt(7);
            for (int i = 0; i < count; i++) {
                Instant at = YEAR_START.plusSeconds((long) (random.nextDouble() * YEAR_SECONDS));
                String phone = p.phones().size() > 1 && i >= count / 2
                        ? p.phones().get(1)
                        : p.phones().getFirst();
                records.add(new LabelledRecord(
                        "op-eval:" + p.truthId() + "-" + i, at, noise.record(p, phone), p.truthId()));
            }
        }
        records.sort(Comparator.comparing(LabelledRecord::at).thenComparing(LabelledRecord::recordKey));
        List<LabelledQuery> queries = new ArrayList<>();
        for (TruePerson p : persons) {
            queries.add(new LabelledQuery(noise.query(p), p.truthId()));
        }
        for (int i = 0; i < personCount / 10; i++) {
            queries.add(new LabelledQuery(noise.query(newPerson(-1 - i, randomName(), "absent")), null));
        }
        return new EvaluationSet(List.copyOf(persons), List.copyOf(records), List.copyOf(queries));
    }

    private TruePerson newPerson(int index, String name, String kind) {
        String gender = random.nextBoolean() ? "M" : "F";
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(36 * 365));
        Street street = streets.get(random.nextInt(streets.size()));
        return person(index, name, gender, birth, List.of(newPhone()), street, addressLine(), home(street), kind, null);
    }

    /** A new person born on {@code birth}, with a random name, in a random street. */
    TruePerson newPerson(int index, LocalDate birth) {
        String gender = random.nextBoolean() ? "M" : "F";
        Street street = streets.get(random.nextInt(streets.size()));
        return person(
                index,
                randomName(),
                gender,
                birth,
                List.of(newPhone()),
                street,
                addressLine(),
                home(street),
                "person",
                null);
    }

    /**
     * Someone of the same name in the same street, on the same road two buildings away: common names recur in a
     * real street, and the address alone does not tell them apart.
     */
    TruePerson neighbourOf(TruePerson namesake, int index, LocalDate birth) {
        String gender = random.nextDouble() < 0.8
                ? namesake.gender()
                : (namesake.gender().equals("M") ? "F" : "M");
        String line = namesake.addressLine().replaceFirst("\\d+号楼$", "") + (1 + random.nextInt(20)) + "号楼";
        return person(
                index,
                namesake.name(),
                gender,
                birth,
                List.of(newPhone()),
                namesake.street(),
                line,
                home(namesake.street()),
                "neighbour",
                namesake.truthId());
    }

    Random random() {
        return random;
    }

    RecordNoise noise() {
        return noise;
    }

    TruePerson spouseOf(TruePerson partner, int index) {
        String gender = partner.gender().equals("M") ? "F" : "M";
        LocalDate birth = partner.birthDate().plusDays(random.nextInt(2 * 6 * 365) - 6 * 365);
        return person(
                index,
                randomName(),
                gender,
                birth,
                List.of(partner.phones().getFirst()),
                partner.street(),
                partner.addressLine(),
                partner.home(),
                "spouse",
                partner.truthId());
    }

    TruePerson twinOf(TruePerson first, int index) {
        String name = first.name();
        String twinName;
        do {
            char other = NameNoise.GIVEN.charAt(random.nextInt(NameNoise.GIVEN.length()));
            twinName = name.substring(0, name.length() - 1) + other;
        } while (twinName.equals(name));
        List<String> phones = random.nextBoolean() ? first.phones() : List.of(newPhone());
        String gender = random.nextBoolean() ? first.gender() : (first.gender().equals("M") ? "F" : "M");
        return person(
                index,
                twinName,
                gender,
                first.birthDate(),
                phones,
                first.street(),
                first.addressLine(),
                first.home(),
                "twin",
                first.truthId());
    }

    private TruePerson person(
            int index,
            String name,
            String gender,
            LocalDate birth,
            List<String> phones,
            Street street,
            String line,
            GeoPoint home,
            String kind,
            String relativeId) {
        List<String> allPhones = new ArrayList<>(phones);
        if (random.nextDouble() < 0.08) {
            allPhones.add(newPhone());
        }
        return new TruePerson(
                "P" + index,
                name,
                gender,
                birth,
                newId(street, birth, gender),
                allPhones,
                street,
                line,
                home,
                kind,
                relativeId);
    }

    private String randomName() {
        String surname = String.valueOf(NameNoise.SURNAMES.charAt(skewed(NameNoise.SURNAMES.length())));
        int givenLength = random.nextDouble() < 0.75 ? 2 : 1;
        StringBuilder name = new StringBuilder(surname);
        for (int i = 0; i < givenLength; i++) {
            name.append(NameNoise.GIVEN.charAt(skewed(NameNoise.GIVEN.length())));
        }
        return name.toString();
    }

    /** An index skewed to the start of a list ordered by frequency, so common names are common. */
    private int skewed(int size) {
        return (int) Math.min(size - 1, Math.floor(Math.pow(random.nextDouble(), 2.2) * size));
    }

    private String newId(Street street, LocalDate birth, String gender) {
        String prefix = random.nextDouble() < 0.8
                ? street.districtCode()
                : OTHER_PREFIXES[random.nextInt(OTHER_PREFIXES.length)];
        while (true) {
            int seq = random.nextInt(500) * 2 + (gender.equals("M") ? 1 : 0);
            String body = prefix + birth.toString().replace("-", "") + String.format("%03d", seq);
            String id = body + IdNumbers.checkChar(body);
            if (usedIds.add(id)) {
                return id;
            }
        }
    }

    private String newPhone() {
        while (true) {
            String phone = random.nextDouble() < 0.75
                    ? "1" + "35789".charAt(random.nextInt(5)) + String.format("%09d", random.nextInt(1_000_000_000))
                    : "010" + (2 + random.nextInt(8)) + String.format("%07d", random.nextInt(10_000_000));
            if (usedPhones.add(phone)) {
                return phone;
            }
        }
    }

    private String addressLine() {
        return ROADS[random.nextInt(ROADS.length)] + (1 + random.nextInt(200)) + "号院" + (1 + random.nextInt(20)) + "号楼";
    }

    private GeoPoint home(Street street) {
        GeoPoint c = street.centroid();
        return new GeoPoint(c.lat() + (random.nextDouble() - 0.5) * 0.02, c.lon() + (random.nextDouble() - 0.5) * 0.02);
    }
}
