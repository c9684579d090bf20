package org.eldercare.search.resolve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eldercare.search.normalize.NormalizedRecipient;

/**
 * Assigns each service record a person. A record is compared with the persons that share a blocking key; it joins
 * the most probable one at or above {@link ResolutionThresholds#link()} that it does not conflict with, else it
 * starts a new person. When it links to more than one person, and those persons do not contradict each other,
 * they are merged: the older keeps its id, the younger redirects to it, and the merge is logged.
 *
 * <p>Decisions depend only on the store and the record, so the same records in the same order give the same ids.
 */
public final class RecipientResolver {

    private final PersonStore store;
    private final MergeLog mergeLog;
    private final ResolutionThresholds thresholds;
    private final EvidenceScorer scorer;

    public RecipientResolver(PersonStore store, MergeLog mergeLog, ResolutionThresholds thresholds) {
        this.store = store;
        this.mergeLog = mergeLog;
        this.thresholds = thresholds;
        this.scorer = new EvidenceScorer(thresholds.weights());
    }

    /** Resolves the record with key {@code recordKey} (operator and record id) that started at {@code at}. */
    public Resolution resolve(String recordKey, Instant at, NormalizedRecipient recipient) {
        RecipientProfile profile = RecipientProfile.of(recipient);
        List<Linked> links = new ArrayList<>();
        for (Person candidate : store.candidates(BlockingKeys.of(profile))) {
            Score score = scorer.score(profile, candidate.profile());
            if (!score.conflict() && score.probability() >= thresholds.link()) {
                links.add(new Linked(candidate, score));
            }
        }
        if (links.isEmpty()) {
            Person person = Person.first(RecipientIds.forFirstRecord(recordKey), at, recipient);
            store.save(person, BlockingKeys.of(person.profile()));
            return new Resolution(person, true, 1.0, List.of(), List.of());
        }
        links.sort(Comparator.comparingDouble((Linked l) -> -l.score().logOdds())
                .thenComparing(l -> l.person(), Person.OLDEST_FIRST));
        Linked best = links.getFirst();
        Person person = best.person();
        List<Merge> merges = new ArrayList<>();
        for (Linked other : links.subList(1, links.size())) {
            Score between = scorer.score(person.profile(), other.person().profile());
            if (!between.conflict() && between.logOdds() >= thresholds.mergeFloor()) {
                person = merge(person, other.person(), at, other.score().matchedOn(), merges);
            }
        }
        person = person.withRecord(recipient, at);
        person = absorbNowLinkable(person, at, merges);
        store.save(person, BlockingKeys.of(person.profile()));
        return new Resolution(
                person, false, best.score().probability(), best.score().matchedOn(), merges);
    }

    /**
     * With this record's evidence the person may now be recognisable as an earlier person that no single record
     * linked to (the one had only a phone, the other only an id number): merge those too.
     */
    private Person absorbNowLinkable(Person person, Instant at, List<Merge> merges) {
        Person current = person;
        for (Person other : store.candidates(BlockingKeys.of(person.profile()))) {
            if (other.recipientId().equals(current.recipientId())
                    || merges.stream().anyMatch(m -> m.mergedId().equals(other.recipientId()))) {
                continue;
            }
            Score between = scorer.score(current.profile(), other.profile());
            if (!between.conflict() && between.probability() >= thresholds.link()) {
                current = merge(current, other, at, between.matchedOn(), merges);
            }
        }
        return current;
    }

    private Person merge(Person a, Person b, Instant at, List<String> causedBy, List<Merge> merges) {
        Person older = Person.OLDEST_FIRST.compare(a, b) <= 0 ? a : b;
        Person younger = older == a ? b : a;
        Merge merge = new Merge(older.recipientId(), younger.recipientId(), at, causedBy);
        store.redirect(younger.recipientId(), older.recipientId());
        mergeLog.record(merge);
        merges.add(merge);
        return older.absorb(younger);
    }

    private record Linked(Person person, Score score) {}
}
