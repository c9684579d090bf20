package org.eldercare.search.resolve;

import java.util.List;

/**
 * Where one record went: its person (already updated with the record), whether that person is new, the merges the
 * record caused, and the review cases it raised instead of merging (docs/CONTRACT.md §7.6). {@code score} is the
 * probability of the link, 1 for a new person.
 */
public record Resolution(
        Person person,
        boolean created,
        double score,
        List<String> matchedOn,
        List<Merge> merges,
        List<ReviewCase> reviews) {

    public Resolution {
        matchedOn = List.copyOf(matchedOn);
        merges = List.copyOf(merges);
        reviews = List.copyOf(reviews);
    }

    public Resolution(Person person, boolean created, double score, List<String> matchedOn, List<Merge> merges) {
        this(person, created, score, matchedOn, merges, List.of());
    }

    public String recipientId() {
        return person.recipientId();
    }
}
