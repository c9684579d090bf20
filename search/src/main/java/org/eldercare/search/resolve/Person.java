package org.eldercare.search.resolve;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.eldercare.search.normalize.NormalizedRecipient;

/**
 * A resolved person: the evidence of all their records plus what is shown about them. Immutable; the resolver
 * replaces it as records arrive. Holds masked forms and hashes only.
 *
 * @param firstSeenAt when the first record of this person started; of two merged persons the older keeps its id
 * @param nameCounts how often each normalised name was written; the most frequent is the display name
 * @param birthYear the year of the birth date shown; the dates themselves are only digests in {@code profile}
 *     (docs/CONTRACT.md §6.2: beside the masked ID a whole date would give the whole number)
 */
public record Person(
        String recipientId,
        Instant firstSeenAt,
        RecipientProfile profile,
        Map<String, Integer> nameCounts,
        String idNumberMasked,
        String phoneMasked,
        Integer birthYear,
        String gender,
        String districtCode,
        String streetCode,
        long servicesCount,
        Instant lastServiceAt)
        implements Serializable {

    public Person {
        nameCounts = Map.copyOf(nameCounts);
    }

    /** Orders persons oldest first; the id breaks ties so that every replay decides the same. */
    public static final Comparator<Person> OLDEST_FIRST =
            Comparator.comparing(Person::firstSeenAt).thenComparing(Person::recipientId);

    public static Person first(String recipientId, Instant at, NormalizedRecipient r) {
        Person empty = new Person(
                recipientId, at, RecipientProfile.of(r), Map.of(), null, null, null, null, null, null, 0, at);
        return empty.withRecord(r, at);
    }

    /** The most frequently written name. */
    public String name() {
        return nameCounts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse("");
    }

    /** This person with one more record; the newest non-empty phone and place win, a valid id number wins. */
    public Person withRecord(NormalizedRecipient r, Instant at) {
        Map<String, Integer> counts = new HashMap<>(nameCounts);
        if (!r.name().isEmpty()) {
            counts.merge(r.name().text(), 1, Integer::sum);
        }
        boolean newer = lastServiceAt == null || !at.isBefore(lastServiceAt);
        boolean betterId = r.idNumberMasked() != null && (idNumberMasked == null || r.idValid());
        String district = r.place() == null ? null : r.place().districtCode();
        String street = r.place() == null ? null : r.place().streetCode();
        return new Person(
                recipientId,
                firstSeenAt.isBefore(at) ? firstSeenAt : at,
                profile.with(RecipientProfile.of(r)),
                counts,
                betterId ? r.idNumberMasked() : idNumberMasked,
                newer && r.phoneMasked() != null ? r.phoneMasked() : or(phoneMasked, r.phoneMasked()),
                birthYear != null && !r.idValid() ? birthYear : or(yearOf(r), birthYear),
                or(gender, r.gender()),
                newer && district != null ? district : or(districtCode, district),
                newer && street != null ? street : or(streetCode, street),
                servicesCount + 1,
                newer ? at : lastServiceAt);
    }

    /** This person with {@code digests} of a birth date added to its evidence. */
    public Person withBirthDigests(Collection<String> digests) {
        return new Person(
                recipientId,
                firstSeenAt,
                profile.withBirthDigests(digests),
                nameCounts,
                idNumberMasked,
                phoneMasked,
                birthYear,
                gender,
                districtCode,
                streetCode,
                servicesCount,
                lastServiceAt);
    }

    /** {@code this} (the older) absorbing {@code younger}: evidence and counts add up, this id stays. */
    public Person absorb(Person younger) {
        Map<String, Integer> counts = new HashMap<>(nameCounts);
        younger.nameCounts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
        boolean youngerIsNewer = younger.lastServiceAt.isAfter(lastServiceAt);
        return new Person(
                recipientId,
                firstSeenAt.isBefore(younger.firstSeenAt) ? firstSeenAt : younger.firstSeenAt,
                profile.with(younger.profile),
                counts,
                or(idNumberMasked, younger.idNumberMasked),
                youngerIsNewer ? or(younger.phoneMasked, phoneMasked) : or(phoneMasked, younger.phoneMasked),
                or(birthYear, younger.birthYear),
                or(gender, younger.gender),
                or(districtCode, younger.districtCode),
                or(streetCode, younger.streetCode),
                servicesCount + younger.servicesCount,
                youngerIsNewer ? younger.lastServiceAt : lastServiceAt);
    }

    private static Integer yearOf(NormalizedRecipient r) {
        return r.birthYear();
    }

    private static <T> T or(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
