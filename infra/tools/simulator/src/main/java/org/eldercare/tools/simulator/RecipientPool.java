package org.eldercare.tools.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Street;

/**
 * The elderly people who receive services, spread over a district's streets by their 60+
 * population. The same people recur across services, which is what recipient resolution needs.
 */
final class RecipientPool {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1930, 1, 1);
    private static final int BIRTH_SPAN_DAYS = 36 * 365;

    private final Map<String, List<Person>> byStreet = new HashMap<>();
    private final List<Person> all = new ArrayList<>();

    RecipientPool(List<District> districts, int perDistrict, NameBook names, SplittableRandom random) {
        Set<String> idNumbers = new HashSet<>();
        for (District district : districts) {
            long elderly =
                    district.streets().stream().mapToLong(Street::elderly60).sum();
            for (Street street : district.streets()) {
                int count = (int) Math.max(1, Math.round((double) perDistrict * street.elderly60() / elderly));
                List<Person> people = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    people.add(person(district, street, names, random, idNumbers));
                }
                byStreet.put(street.code(), people);
                all.addAll(people);
            }
        }
    }

    /** Someone living in the street, now and then someone from elsewhere in the pool. */
    Person someoneNear(String streetCode, SplittableRandom random) {
        List<Person> local = byStreet.get(streetCode);
        return local == null || local.isEmpty() || random.nextInt(10) == 0
                ? NameBook.pick(random, all)
                : NameBook.pick(random, local);
    }

    /** The people living in the street, in a stable order. */
    List<Person> inStreet(String streetCode) {
        return byStreet.getOrDefault(streetCode, List.of());
    }

    List<Person> all() {
        return all;
    }

    static Person person(District district, Street street, NameBook names, SplittableRandom random, Set<String> taken) {
        boolean male = random.nextInt(100) < 45;
        // Two draws averaged: birth years bunch in the 1940s-50s, as the 60+ population does.
        int days = (random.nextInt(BIRTH_SPAN_DAYS) + random.nextInt(BIRTH_SPAN_DAYS)) / 2;
        LocalDate birth = EARLIEST_BIRTH.plusDays(days);
        String id;
        do {
            id = GbIdNumber.of(district.code(), birth, random.nextInt(1000), male);
        } while (!taken.add(id));
        String community = names.community(random);
        String address = "北京市" + district.name() + street.name() + community + "社区" + (1 + random.nextInt(30)) + "号楼"
                + (1 + random.nextInt(6)) + "单元" + (101 + random.nextInt(6) * 100 + random.nextInt(4)) + "室";
        return new Person(
                names.personName(random, male),
                id,
                phone(random),
                male ? "M" : "F",
                birth,
                address,
                Places.near(street.centroid(), 0.015, random),
                street.code());
    }

    private static String phone(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind < 7) {
            String[] prefixes = {"130", "133", "135", "136", "138", "139", "150", "158", "186", "189"};
            return NameBook.pick(random, List.of(prefixes)) + String.format("%08d", random.nextInt(100_000_000));
        }
        return kind < 9 ? "010-6" + String.format("%07d", random.nextInt(10_000_000)) : null;
    }
}
