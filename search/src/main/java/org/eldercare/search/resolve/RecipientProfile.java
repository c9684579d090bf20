package org.eldercare.search.resolve;

import java.io.Serializable;
import java.time.LocalDate;
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
 * @param birthDates clear birth dates: in memory and in the resolver's state only, never in an index
 * @param birthDigests keyed digests of birth dates ({@code Pii.birthDigests}): all a profile read back from the
 *     index has of them (docs/CONTRACT.md §6.2). Scoring compares dates when both sides have dates, else digests.
 */
public record RecipientProfile(
        Set<String> names,
        Set<String> idHashes,
        Set<String> weakIdHashes,
        Set<String> idCorrectionHashes,
        Set<String> phoneHashes,
        Set<LocalDate> birthDates,
        Set<String> genders,
        Set<String> districtCodes,
        Set<String> streetCodes,
        List<GeoPoint> locations,
        Set<String> birthDigests)
        implements Serializable {

    /** Locations kept per person: enough for "lives around here", bounded for state size. */
    private static final int MAX_LOCATIONS = 5;

    public RecipientProfile {
        names = Set.copyOf(names);
        idHashes = Set.copyOf(idHashes);
        weakIdHashes = Set.copyOf(weakIdHashes);
        idCorrectionHashes = Set.copyOf(idCorrectionHashes);
        phoneHashes = Set.copyOf(phoneHashes);
        birthDates = Set.copyOf(birthDates);
        genders = Set.copyOf(genders);
        districtCodes = Set.copyOf(districtCodes);
        streetCodes = Set.copyOf(streetCodes);
        locations = List.copyOf(locations);
        birthDigests = Set.copyOf(birthDigests);
    }

    /** A profile with clear dates only, as the resolver keeps it. */
    public RecipientProfile(
            Set<String> names,
            Set<String> idHashes,
            Set<String> weakIdHashes,
            Set<String> idCorrectionHashes,
            Set<String> phoneHashes,
            Set<LocalDate> birthDates,
            Set<String> genders,
            Set<String> districtCodes,
            Set<String> streetCodes,
            List<GeoPoint> locations) {
        this(
                names,
                idHashes,
                weakIdHashes,
                idCorrectionHashes,
                phoneHashes,
                birthDates,
                genders,
                districtCodes,
                streetCodes,
                locations,
                Set.of());
    }

    /** This profile with {@code digests} added, so it can be scored against a profile read from the index. */
    public RecipientProfile withBirthDigests(Collection<String> digests) {
        return new RecipientProfile(
                names,
                idHashes,
                weakIdHashes,
                idCorrectionHashes,
                phoneHashes,
                birthDates,
                genders,
                districtCodes,
                streetCodes,
                locations,
                union(birthDigests, Set.copyOf(digests)));
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
                one(r.birthDate()),
                one(r.gender()),
                one(district),
                one(street),
                r.location() == null ? List.of() : List.of(r.location()));
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
                union(birthDates, o.birthDates),
                union(genders, o.genders),
                union(districtCodes, o.districtCodes),
                union(streetCodes, o.streetCodes),
                recent,
                union(birthDigests, o.birthDigests));
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
