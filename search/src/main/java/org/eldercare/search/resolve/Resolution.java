package org.eldercare.search.resolve;

import java.util.List;

/**
 * Where one record went: its person (already updated with the record), whether that person is new, and the merges
 * the record caused. {@code score} is the probability of the link, 1 for a new person.
 */
public record Resolution(Person person, boolean created, double score, List<String> matchedOn, List<Merge> merges) {

    public Resolution {
        matchedOn = List.copyOf(matchedOn);
        merges = List.copyOf(merges);
    }

    public String recipientId() {
        return person.recipientId();
    }
}
