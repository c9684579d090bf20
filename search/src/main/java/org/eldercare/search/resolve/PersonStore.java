package org.eldercare.search.resolve;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The persons resolved so far, filed under their {@link BlockingKeys}. In-process this is a map; in a streaming
 * job it is keyed state (persons per blocking key) plus a redirect table. Ids passed in may be merged-away ids;
 * implementations follow redirects.
 */
public interface PersonStore {

    /** The current persons filed under any of {@code keys}, each once. */
    Collection<Person> candidates(Set<String> keys);

    Optional<Person> get(String recipientId);

    /** Stores {@code person} (replacing any earlier version) and files it under {@code keys}. */
    void save(Person person, Set<String> keys);

    /** Retires {@code mergedId}: it now redirects to {@code intoId}. */
    void redirect(String mergedId, String intoId);

    /** The id that {@code recipientId} resolves to after merges; itself when never merged. */
    String canonicalId(String recipientId);

    /** Every current (not merged-away) person. */
    Collection<Person> persons();

    /**
     * Remembers that a reviewer split {@code a} and {@code b}: they are never merged automatically again
     * (docs/CONTRACT.md §7.6). The mark follows both through later merges with third persons.
     */
    void markSplit(String a, String b);

    /** Whether a reviewer split the persons {@code a} and {@code b} stand for (after redirects). */
    boolean isSplit(String a, String b);
}
