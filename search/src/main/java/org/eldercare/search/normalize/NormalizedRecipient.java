package org.eldercare.search.normalize;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eldercare.ingest.event.GeoPoint;

/**
 * A recipient as comparable evidence, holding no raw identifier: identity and phone numbers only as keyed hashes
 * and masked display forms. Any field but {@code name} may be null.
 *
 * @param idHash hash of the 18-character identity number, valid or not
 * @param idValid whether that number passed its check; an invalid one is weak evidence
 * @param idCorrectionHashes hashes of the valid numbers one typing slip away from an invalid number
 * @param birthDate as stated, else derived from a valid identity number; in memory only, never indexed or shown
 *     (docs/CONTRACT.md §6.2)
 * @param birthDigests {@link Pii#birthDigests} of {@code birthDate}: what the index may hold of it
 * @param gender "M" or "F", as stated, else derived from a valid identity number
 * @param dwellingHash keyed digest of the district with the road, door number and building the address names
 *     ({@link Addresses#dwelling}), or null when either is unknown
 * @param birthYear the year of {@code birthDate} (filled from it when null): the one part of the date that may be
 *     kept, so it survives {@link #withoutBirthDate()}
 */
public record NormalizedRecipient(
        NormalizedName name,
        String idHash,
        boolean idValid,
        Set<String> idCorrectionHashes,
        String idNumberMasked,
        String phoneHash,
        String phoneMasked,
        LocalDate birthDate,
        List<String> birthDigests,
        String gender,
        Place place,
        GeoPoint location,
        String dwellingHash,
        Integer birthYear) {

    public NormalizedRecipient {
        idCorrectionHashes = idCorrectionHashes == null ? Set.of() : Set.copyOf(idCorrectionHashes);
        birthDigests = birthDigests == null ? List.of() : List.copyOf(birthDigests);
        if (birthDate != null) {
            birthYear = birthDate.getYear();
        }
    }

    /**
     * This evidence without the birth date in clear, its year and digests kept: the form that may leave the task
     * that normalised it (an operator's output is checkpointed in flight, docs/CONTRACT.md §6.7). Resolution reads
     * no more of the date than that.
     */
    public NormalizedRecipient withoutBirthDate() {
        return new NormalizedRecipient(
                name,
                idHash,
                idValid,
                idCorrectionHashes,
                idNumberMasked,
                phoneHash,
                phoneMasked,
                null,
                birthDigests,
                gender,
                place,
                location,
                dwellingHash,
                birthYear);
    }
}
