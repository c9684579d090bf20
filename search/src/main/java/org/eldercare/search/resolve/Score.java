package org.eldercare.search.resolve;

import java.util.List;
import java.util.Set;

/**
 * The outcome of comparing two profiles.
 *
 * @param logOdds the summed evidence, prior included
 * @param probability {@code logOdds} mapped to 0–1
 * @param matchedOn the fields that agreed, in the contract's names (idNumber, phone, name, birthDate, gender,
 *     address, location)
 * @param conflict true when the two cannot be one person whatever else agrees (two different valid identity
 *     numbers)
 * @param evidence every field's contribution, in the order of docs/CONTRACT.md §7.6
 * @param nameAtDwelling the names agree (not merely one character off) and so do the dwellings (road, door number
 *     and building) of the addresses, and no ID number, phone or birth date disagrees: as telling as a birth date,
 *     since a namesake in the same building is rare, while a twin's or a spouse's name differs (§7.6)
 */
public record Score(
        double logOdds,
        double probability,
        List<String> matchedOn,
        boolean conflict,
        List<FieldEvidence> evidence,
        boolean nameAtDwelling) {

    /** The fields that tell one person from another; name, gender and place alone do not (§7.6). */
    private static final Set<String> IDENTIFYING = Set.of("idNumber", "phone", "birthDate");

    public Score {
        matchedOn = List.copyOf(matchedOn);
        evidence = List.copyOf(evidence);
    }

    /** True when at least one of idNumber, phone and birthDate agreed, or the name did at the same dwelling. */
    public boolean identifying() {
        return nameAtDwelling || matchedOn.stream().anyMatch(IDENTIFYING::contains);
    }
}
