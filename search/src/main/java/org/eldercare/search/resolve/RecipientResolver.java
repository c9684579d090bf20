package org.eldercare.search.resolve;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eldercare.search.normalize.NormalizedRecipient;

/**
 * Assigns each service record a person. A record is compared with the persons that share a blocking key; it joins
 * the most probable one at or above {@link ResolutionThresholds#link()} that it does not conflict with, else it
 * starts a new person. When it links to more than one person, and those persons do not contradict each other,
 * they are merged: the older keeps its id, the younger redirects to it, and the merge is logged.
 *
 * <p>A link the resolver cannot be sure of (inside the review margin; or agreeing on no identifying field while a
 * namesake is among the candidates or the record carries an identifying field the person does not confirm) is
 * never taken: the record starts a person of its own, or the two persons stay
 * two, and a {@link ReviewCase} is raised for a reviewer (docs/CONTRACT.md §7.6). Only {@link #confirm} merges
 * such a pair; after {@link #split} the pair is never merged automatically.
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
        return resolve(recordKey, at, recipient, BlockingKeys.of(RecipientProfile.of(recipient)));
    }

    /**
     * As {@link #resolve(String, Instant, NormalizedRecipient)}, with the record's blocking keys worked out before
     * ({@code keys} must be {@code BlockingKeys.of(RecipientProfile.of(recipient))}): a streaming job computes them
     * in parallel ahead of the one resolver, which then only looks up, scores and merges.
     */
    public Resolution resolve(String recordKey, Instant at, NormalizedRecipient recipient, Set<String> keys) {
        RecipientProfile profile = RecipientProfile.of(recipient);
        List<Linked> scored = new ArrayList<>();
        for (Person candidate : store.candidates(keys)) {
            scored.add(new Linked(candidate, scorer.score(profile, candidate.profile())));
        }
        List<Linked> links = new ArrayList<>();
        List<Linked> uncertain = new ArrayList<>();
        for (Linked candidate : scored) {
            if (thresholds.links(candidate.score())) {
                (uncertain(candidate, scored, profile) ? uncertain : links).add(candidate);
            }
        }
        List<ReviewCase> reviews = new ArrayList<>();
        if (links.isEmpty()) {
            Person person = Person.first(RecipientIds.forFirstRecord(recordKey), at, recipient);
            store.save(person, BlockingKeys.of(person.profile()));
            for (Linked maybe : uncertain) {
                reviews.add(ReviewCase.of(person, maybe.person(), maybe.score(), reason(maybe.score()), at));
            }
            return new Resolution(person, true, 1.0, List.of(), List.of(), reviews);
        }
        links.sort(Comparator.comparingDouble((Linked l) -> -l.score().logOdds())
                .thenComparing(l -> l.person(), Person.OLDEST_FIRST));
        Linked best = links.getFirst();
        Person person = best.person();
        List<Merge> merges = new ArrayList<>();
        for (Linked other : links.subList(1, links.size())) {
            if (store.isSplit(person.recipientId(), other.person().recipientId())) {
                continue;
            }
            Score between = scorer.score(person.profile(), other.person().profile());
            if (between.conflict() || between.logOdds() < thresholds.mergeFloor()) {
                continue;
            }
            if (thresholds.uncertain(between)) {
                reviews.add(ReviewCase.of(person, other.person(), between, reason(between), at));
            } else {
                person = merge(person, other.person(), at, other.score().matchedOn(), merges);
            }
        }
        person = person.withRecord(recipient, at);
        person = absorbNowLinkable(person, at, merges, reviews);
        store.save(person, BlockingKeys.of(person.profile()));
        return new Resolution(
                person, false, best.score().probability(), best.score().matchedOn(), merges, current(reviews));
    }

    /**
     * A reviewer's CONFIRM: merges the persons {@code a} and {@code b} stand for through the same path as an
     * automatic merge, the older keeping its id. Empty when they are one person already, or either is unknown.
     */
    public Optional<Merge> confirm(String a, String b, Instant at) {
        Optional<Person> x = store.get(a);
        Optional<Person> y = store.get(b);
        if (x.isEmpty() || y.isEmpty() || x.get().recipientId().equals(y.get().recipientId())) {
            return Optional.empty();
        }
        List<Merge> merges = new ArrayList<>();
        Person kept = merge(x.get(), y.get(), at, List.of("review"), merges);
        store.save(kept, BlockingKeys.of(kept.profile()));
        return Optional.of(merges.getFirst());
    }

    /** A reviewer's SPLIT: {@code a} and {@code b} are never merged automatically again. */
    public void split(String a, String b) {
        store.markSplit(store.canonicalId(a), store.canonicalId(b));
    }

    /**
     * The case of two current persons, compared now, for a hotline's two POSSIBLE candidates (§7.6). Empty when
     * either is unknown, they are one person already, or a reviewer split them.
     */
    public Optional<ReviewCase> reviewOf(String a, String b, ReviewCase.Reason reason, Instant at) {
        Optional<Person> x = store.get(a);
        Optional<Person> y = store.get(b);
        if (x.isEmpty() || y.isEmpty() || x.get().recipientId().equals(y.get().recipientId()) || store.isSplit(a, b)) {
            return Optional.empty();
        }
        return Optional.of(ReviewCase.of(
                x.get(), y.get(), scorer.score(x.get().profile(), y.get().profile()), reason, at));
    }

    /**
     * With this record's evidence the person may now be recognisable as an earlier person that no single record
     * linked to (the one had only a phone, the other only an id number): merge those too, or queue them.
     */
    private Person absorbNowLinkable(Person person, Instant at, List<Merge> merges, List<ReviewCase> reviews) {
        Person current = person;
        for (Person other : store.candidates(BlockingKeys.of(person.profile()))) {
            if (other.recipientId().equals(current.recipientId())
                    || merges.stream().anyMatch(m -> m.mergedId().equals(other.recipientId()))
                    || store.isSplit(current.recipientId(), other.recipientId())) {
                continue;
            }
            Score between = scorer.score(current.profile(), other.profile());
            if (!thresholds.links(between)) {
                continue;
            }
            if (thresholds.uncertain(between)) {
                reviews.add(ReviewCase.of(current, other, between, reason(between), at));
            } else {
                current = merge(current, other, at, between.matchedOn(), merges);
            }
        }
        return current;
    }

    /**
     * The margin rule of docs/CONTRACT.md §7.6 for a record's link. A link that agrees on an identifying field is
     * uncertain inside the review margin. One that agrees on none (a name and a street at most) is taken only when
     * it is unambiguous: most such records belong to the only person of that name in the street. It is uncertain
     * when another candidate agrees on the name too (a namesake), or when the record carries an ID number, phone
     * or birth date the person does not confirm: that is how a namesake's first record looks before any record of
     * the namesake has arrived.
     */
    private boolean uncertain(Linked link, List<Linked> scored, RecipientProfile record) {
        Score score = link.score();
        if (score.identifying()) {
            return thresholds.inMargin(score);
        }
        boolean namesake = scored.stream()
                .anyMatch(other -> other != link && other.score().matchedOn().contains("name"));
        return namesake || carriesIdentity(record);
    }

    private static boolean carriesIdentity(RecipientProfile p) {
        return !p.idHashes().isEmpty()
                || !p.weakIdHashes().isEmpty()
                || !p.phoneHashes().isEmpty()
                || !p.birthDigests().isEmpty();
    }

    /** The cases whose sides are both still persons, each once, their sides as they stand now. */
    private List<ReviewCase> current(List<ReviewCase> raised) {
        Map<String, ReviewCase> byId = new LinkedHashMap<>();
        for (ReviewCase c : raised) {
            Optional<Person> left = store.get(c.left().recipientId());
            Optional<Person> right = store.get(c.right().recipientId());
            if (left.isEmpty()
                    || right.isEmpty()
                    || left.get().recipientId().equals(right.get().recipientId())) {
                continue;
            }
            Score now = scorer.score(left.get().profile(), right.get().profile());
            ReviewCase updated = ReviewCase.of(left.get(), right.get(), now, c.reason(), c.raisedAt());
            byId.put(updated.caseId(), updated);
        }
        return List.copyOf(byId.values());
    }

    private static ReviewCase.Reason reason(Score score) {
        return score.identifying() ? ReviewCase.Reason.MARGIN : ReviewCase.Reason.NAME_AND_PLACE_ONLY;
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
