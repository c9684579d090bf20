package org.eldercare.search.match;

import java.util.List;

/**
 * One candidate of a match response, exactly the contract's fields. {@code score} is the evidence probability
 * (0–1); {@code matchedOn} lists the fields that agreed. Identifiers appear only masked and the birth only as
 * {@code birthYear}, never the date (docs/CONTRACT.md §6.2); {@code lastServiceAt} is RFC 3339. Both may be null.
 */
public record MatchCandidate(
        String recipientId,
        double score,
        Decision decision,
        List<String> matchedOn,
        String name,
        String idNumberMasked,
        String phoneMasked,
        Integer birthYear,
        String districtCode,
        String streetCode,
        long servicesCount,
        String lastServiceAt) {

    public MatchCandidate {
        matchedOn = List.copyOf(matchedOn);
    }
}
