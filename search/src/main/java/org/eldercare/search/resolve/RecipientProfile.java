package org.eldercare.search.resolve;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.normalize.NormalizedRecipient;

/**
 * Everything known about one recipient as sets of comparable values: one record gives single values, a person
 * the union of their records. Holds hashes, never raw identity or phone numbers.
 *
 * @param names normalised name texts
 * @param idHashes hashes of identity numbers that passed their check
 * @param weakIdHashes hashes of identity numbers that failed it
 * @param idCorrectionHashes hashes of valid numbers one slip away from a failed one
 * @param birthYears the years of the birth dates, the one part of them that may be in clear
 * @param birthDigests keyed digests of the birth dates ({@code Pii.birthDigests}): the only form a birth date takes
 *     here, in the resolver's state as in the index (docs/CONTRACT.md §6.2, §6.7). Scoring compares these.
 * @param dwellingHashes keyed digests of the dwellings (road, door number, building) the addresses name; in the
 *     resolver's state only, not in the index (docs/CONTRACT.md §7.6)
 */
public record RecipientProfile(
        Set<String> names,
        Set<String> idHashes,
        Set<String> weakIdHashes,
        Set<String> idCorrectionHashes,
        Set<String> phoneHashes,
        Set<Integer> birthYears,
        Set<String> genders,
        Set<String> districtCodes,
        Set<String> streetCodes,
        List<GeoPoint> locations,
        Set<String> birthDigests,
        Set<String> dwellingHashes)
        implements Serializable {

    /** Locations kept per person: enough for "lives around here", bounded for state size. */
    private static final int MAX_LOCATIONS = 5;

    public RecipientProfile {
        names = Set.copyOf(names);
        idHashes = Set.copyOf(idHashes);
        weakIdHashes = Set.copyOf(weakIdHashes);
        idCorrectionHashes = Set.copyOf(idCorrectionHashes);
        phoneHashes = Set.copyOf(phoneHashes);
        birthYears = Set.copyOf(birthYears);
        genders = Set.copyOf(genders);
        districtCodes = Set.copyOf(districtCodes);
        streetCodes = Set.copyOf(streetCodes);
        locations = List.copyOf(locations);
        birthDigests = Set.copyOf(birthDigests);
        dwellingHashes = Set.copyOf(dwellingHashes);
    }

    /** This profile with {@code digests} added. */
    public RecipientProfile withBirthDigests(Collection<String> digests) {
        return new RecipientProfile(
                names,
                idHashes,
                weakIdHashes,
                idCorrectionHashes,
                phoneHashes,
                birthYears,
                genders,
                districtCodes,
                streetCodes,
                locations,
                union(birthDigests, Set.copyOf(digests)),
                dwellingHashes);
    }

    public static RecipientProfile of(NormalizedRecipient r) {
        String district = r.place() == null ? null : r.place().districtCode();
        String street = r.place() == null ? null : r.place().streetCode();
        return new RecipientProfile(
                one(r.name().isEmpty() ? null : r.name().text()),
                one(r.idValid() ? r.idHash() : null),
                one(r.idValid() ? null : r.idHash()),
                r.idCorrectionHashes(),
                one(r.phoneHash()),
                one(r.birthYear()),
                one(r.gender()),
                one(district),
                one(street),
                r.location() == null ? List.of() : List.of(r.location()),
                Set.copyOf(r.birthDigests()),
                one(r.dwellingHash()));
    }

    /** The union of both profiles; the most recent locations win. */
    public RecipientProfile with(RecipientProfile o) {
        List<GeoPoint> recent = Stream.concat(o.locations.stream(), locations.stream())
                .distinct()
                .limit(MAX_LOCATIONS)
                .toList();
        return new RecipientProfile(
                union(names, o.names),
                union(idHashes, o.idHashes),
                union(weakIdHashes, o.weakIdHashes),
                union(idCorrectionHashes, o.idCorrectionHashes),
                union(phoneHashes, o.phoneHashes),
                union(birthYears, o.birthYears),
                union(genders, o.genders),
                union(districtCodes, o.districtCodes),
                union(streetCodes, o.streetCodes),
                recent,
                union(birthDigests, o.birthDigests),
                union(dwellingHashes, o.dwellingHashes));
    }

    private static <T> Set<T> one(T value) {
        return value == null ? Set.of() : Set.of(value);
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }
}
