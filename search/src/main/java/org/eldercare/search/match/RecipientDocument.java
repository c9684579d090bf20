package org.eldercare.search.match;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.normalize.NameNormalizer;
import org.eldercare.search.normalize.NormalizedName;
import org.eldercare.search.resolve.Person;
import org.eldercare.search.resolve.RecipientProfile;

/**
 * A resolved person as indexed in {@code recipients} (mapping {@code mappings/recipients.json}), document id
 * {@code recipientId}. It carries the whole evidence profile, so candidates fetched from the index are re-scored
 * exactly as the resolver scored them, and the pre-computed search keys (bigrams, pinyin) that the index, having
 * only built-in analysis, cannot derive. Dates are ISO-8601 strings.
 *
 * <p>No birth date in clear (docs/CONTRACT.md §6.2): the masked ID hides exactly the 8 birth-date digits, so a
 * date beside it would give the whole number. The document shows {@code birthYear} and keeps the dates only as
 * keyed {@code birthDigests} (and {@code surnameBirthKeys} over the whole-date digest) for matching.
 */
public record RecipientDocument(
        String recipientId,
        String name,
        List<String> names,
        List<String> nameBigrams,
        List<String> namePinyin,
        List<String> surnameBirthKeys,
        List<String> idHashes,
        List<String> weakIdHashes,
        List<String> idCorrectionHashes,
        String idNumberMasked,
        List<String> phoneHashes,
        String phoneMasked,
        Integer birthYear,
        List<String> birthDigests,
        String gender,
        List<String> genders,
        String districtCode,
        String streetCode,
        List<String> districtCodes,
        List<String> streetCodes,
        GeoPoint location,
        List<GeoPoint> locations,
        long servicesCount,
        String firstSeenAt,
        String lastServiceAt) {

    /** The document of {@code p}; its birth dates are already keyed digests in the person's profile. */
    public static RecipientDocument of(Person p) {
        RecipientProfile profile = p.profile();
        Set<String> bigrams = new LinkedHashSet<>();
        Set<String> pinyin = new LinkedHashSet<>();
        Set<String> surnameBirth = new LinkedHashSet<>();
        Set<String> birthDigests = new LinkedHashSet<>();
        birthDigests.addAll(profile.birthDigests());
        for (String text : profile.names()) {
            NormalizedName n = NameNormalizer.ofCleanText(text);
            bigrams.addAll(n.bigrams());
            pinyin.add(n.pinyin());
            profile.birthDigests().stream()
                    .filter(d -> d.startsWith("d:"))
                    .forEach(d -> surnameBirth.add(surnameBirthKey(n, d)));
        }
        return new RecipientDocument(
                p.recipientId(),
                p.name(),
                List.copyOf(profile.names()),
                List.copyOf(bigrams),
                List.copyOf(pinyin),
                List.copyOf(surnameBirth),
                List.copyOf(profile.idHashes()),
                List.copyOf(profile.weakIdHashes()),
                List.copyOf(profile.idCorrectionHashes()),
                p.idNumberMasked(),
                List.copyOf(profile.phoneHashes()),
                p.phoneMasked(),
                p.birthYear(),
                List.copyOf(birthDigests),
                p.gender(),
                List.copyOf(profile.genders()),
                p.districtCode(),
                p.streetCode(),
                List.copyOf(profile.districtCodes()),
                List.copyOf(profile.streetCodes()),
                profile.locations().isEmpty() ? null : profile.locations().getFirst(),
                profile.locations(),
                p.servicesCount(),
                p.firstSeenAt().toString(),
                p.lastServiceAt().toString());
    }

    /**
     * This document with its service counters replaced, everything else the same: for telling apart versions that
     * differ in more than the counters.
     */
    public RecipientDocument withCounters(long servicesCount, String lastServiceAt) {
        return new RecipientDocument(
                recipientId,
                name,
                names,
                nameBigrams,
                namePinyin,
                surnameBirthKeys,
                idHashes,
                weakIdHashes,
                idCorrectionHashes,
                idNumberMasked,
                phoneHashes,
                phoneMasked,
                birthYear,
                birthDigests,
                gender,
                genders,
                districtCode,
                streetCode,
                districtCodes,
                streetCodes,
                location,
                locations,
                servicesCount,
                firstSeenAt,
                lastServiceAt);
    }

    /** The surname's pinyin with a birth date's digest: finds a person whose given name was mistyped. */
    static String surnameBirthKey(NormalizedName name, String birthDateDigest) {
        return NameNormalizer.ofCleanText(name.surname()).pinyin() + "|" + birthDateDigest;
    }

    /** The evidence profile, for re-scoring with the resolver's scorer. */
    public RecipientProfile profile() {
        return new RecipientProfile(
                Set.copyOf(orEmpty(names)),
                Set.copyOf(orEmpty(idHashes)),
                Set.copyOf(orEmpty(weakIdHashes)),
                Set.copyOf(orEmpty(idCorrectionHashes)),
                Set.copyOf(orEmpty(phoneHashes)),
                birthYear == null ? Set.of() : Set.of(birthYear),
                Set.copyOf(orEmpty(genders)),
                Set.copyOf(orEmpty(districtCodes)),
                Set.copyOf(orEmpty(streetCodes)),
                orEmpty(locations),
                Set.copyOf(orEmpty(birthDigests)),
                // Dwellings are resolution evidence only; the index does not hold them (§7.6).
                Set.of());
    }

    /**
     * The person back from the index (name counts are not indexed: the display name counts once; the birth date is
     * not indexed, only its digests in the profile).
     */
    public Person toPerson() {
        Map<String, Integer> counts = new HashMap<>();
        if (name != null && !name.isEmpty()) {
            counts.put(name, 1);
        }
        return new Person(
                recipientId,
                Instant.parse(firstSeenAt),
                profile(),
                counts,
                idNumberMasked,
                phoneMasked,
                birthYear,
                gender,
                districtCode,
                streetCode,
                servicesCount,
                Instant.parse(lastServiceAt));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
