package org.eldercare.search.match;

import java.util.List;

/**
 * One candidate of a match response, exactly the contract's fields. {@code score} is the evidence probability
 * (0–1); {@code matchedOn} lists the fields that agreed. Identifiers appear only masked. {@code birthDate} is
 * {@code yyyy-MM-dd} and {@code lastServiceAt} RFC 3339, both possibly null.
 */
public record MatchCandidate(
        String recipientId,
        double score,
        Decision decision,
        List<String> matchedOn,
        String name,
        String idNumberMasked,
        String phoneMasked,
        String birthDate,
        String districtCode,
        String streetCode,
        long servicesCount,
        String lastServiceAt) {

    public MatchCandidate {
        matchedOn = List.copyOf(matchedOn);
    }
}
