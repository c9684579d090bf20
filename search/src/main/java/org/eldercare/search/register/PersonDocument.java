package org.eldercare.search.register;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.LivingArrangement;

/**
 * A registered older person as indexed in {@code persons} (mapping {@code mappings/persons.json}), document id
 * {@code personId}: masks, a keyed digest of the ID number and the birth year, never a full identifier or birth date
 * (docs/CONTRACT.md §6.2 and §7), with the labels that hold on {@code labelsOn} and the services they entitle to.
 *
 * @param idNumberDigest HMAC-SHA256 of the normalised ID number under the platform's key, to join service records
 * @param entitlements codes of the district's service list ({@link ServiceList}) due to the person
 * @param updatedAt the {@code time} of the register event the person's details come from
 */
public record PersonDocument(
        String personId,
        String districtCode,
        String streetCode,
        String nameMasked,
        String idNumberMasked,
        String phoneMasked,
        String idNumberDigest,
        Integer birthYear,
        Integer age,
        LivingArrangement livingArrangement,
        List<Benefit> benefits,
        Integer disabilityCertificateLevel,
        Assessment assessment,
        List<Label> labels,
        List<String> entitlements,
        LocalDate labelsOn,
        OffsetDateTime updatedAt) {

    public PersonDocument {
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        labels = labels == null ? List.of() : List.copyOf(labels);
        entitlements = entitlements == null ? List.of() : List.copyOf(entitlements);
    }

    /** {@code 王*英}: the surname and the last character; a two-character name keeps only its surname. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        int[] cps = name.strip().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(cps[0]);
        masked.append("*".repeat(cps.length == 2 ? 1 : cps.length - 2));
        if (cps.length > 2) {
            masked.appendCodePoint(cps[cps.length - 1]);
        }
        return masked.toString();
    }
}
