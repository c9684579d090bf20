package org.eldercare.tools.simulator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.eldercare.ingest.event.FacilityDetails;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Street;

/**
 * Places a district's facilities: one care center per street, busiest streets first (as the plans
 * intend), the other kinds spread over streets by their 60+ population, each near its street's
 * centroid, owned alternately by {@code op-1} and {@code op-2}.
 */
final class CityLayout {

    static final List<String> OPERATORS = List.of("op-1", "op-2");

    /**
     * ESTIMATE, not data: the share of an institution's beds that are nursing-type (护理型床位, docs/CONTRACT.md §8.3),
     * a little under the national 55% target for 2025 so the demo city shows a district short of it. Taken from no
     * random draw, so the layout of a seed is unchanged.
     */
    static final double NURSING_SHARE = 0.5;

    private CityLayout() {}

    static List<SimFacility> place(District district, FacilityMix mix, NameBook names, SplittableRandom random) {
        List<Street> streets = district.streets().stream()
                .sorted(Comparator.comparingLong(Street::elderly60).reversed())
                .toList();
        long elderly = streets.stream().mapToLong(Street::elderly60).sum();
        List<SimFacility> facilities = new ArrayList<>();
        for (FacilityMix.KindMix kind : mix.kinds()) {
            for (int n = 1; n <= kind.count(); n++) {
                Street street = kind.kind() == FacilityKind.CARE_CENTER
                        ? streets.get((n - 1) % streets.size())
                        : weighted(streets, elderly, random);
                String id = String.format("%s-%s-%03d", mix.idPrefix(), abbreviation(kind.kind()), n);
                String name = name(kind.kind(), street, n, names, random);
                var location = Places.near(street.centroid(), 0.02, random);
                int beds = between(kind.bedsMin(), kind.bedsMax(), random);
                FacilityDetails details = new FacilityDetails(
                        id,
                        kind.kind(),
                        name,
                        district.code(),
                        street.code(),
                        location,
                        beds,
                        between(kind.seatsMin(), kind.seatsMax(), random),
                        FacilityStatus.OPERATING,
                        kind.kind() == FacilityKind.INSTITUTION ? (int) Math.round(beds * NURSING_SHARE) : 0);
                SimFacility facility = new SimFacility(details, OPERATORS.get(facilities.size() % OPERATORS.size()));
                int staff = kind.caregiversPerBeds() > 0
                        ? Math.max(2, details.beds() / kind.caregiversPerBeds())
                        : between(kind.caregiversMin(), kind.caregiversMax(), random);
                for (int i = 0; i < staff; i++) {
                    facility.newCaregiver(random.nextInt(100) < 60);
                }
                facilities.add(facility);
            }
        }
        return facilities;
    }

    private static Street weighted(List<Street> streets, long total, SplittableRandom random) {
        long pick = random.nextLong(Math.max(1, total));
        for (Street street : streets) {
            pick -= street.elderly60();
            if (pick < 0) {
                return street;
            }
        }
        return streets.get(0);
    }

    private static String name(FacilityKind kind, Street street, int n, NameBook names, SplittableRandom random) {
        String place = street.name().replaceAll("(街道|地区|镇)$", "");
        return switch (kind) {
            case CARE_CENTER -> street.name() + "养老照料中心";
            case CARE_STATION -> place + names.community(random) + "社区养老服务驿站";
            case INSTITUTION -> place + (n % 3 == 0 ? "敬老院" : n % 3 == 1 ? "颐养院" : "养老院") + "（" + n + "）";
            case MEAL_TABLE -> place + names.community(random) + "老年餐桌";
        };
    }

    private static String abbreviation(FacilityKind kind) {
        return switch (kind) {
            case CARE_CENTER -> "cc";
            case CARE_STATION -> "st";
            case INSTITUTION -> "in";
            case MEAL_TABLE -> "mt";
        };
    }

    static int between(int min, int max, SplittableRandom random) {
        return max <= min ? min : min + random.nextInt(max - min + 1);
    }
}
