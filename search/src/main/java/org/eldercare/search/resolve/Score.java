package org.eldercare.search.resolve;

import java.util.List;

/**
 * The outcome of comparing two profiles.
 *
 * @param logOdds the summed evidence, prior included
 * @param probability {@code logOdds} mapped to 0–1
 * @param matchedOn the fields that agreed, in the contract's names (idNumber, phone, name, birthDate, gender,
 *     address, location)
 * @param conflict true when the two cannot be one person whatever else agrees (two different valid identity
 *     numbers)
 */
public record Score(double logOdds, double probability, List<String> matchedOn, boolean conflict) {

    public Score {
        matchedOn = List.copyOf(matchedOn);
    }
}
