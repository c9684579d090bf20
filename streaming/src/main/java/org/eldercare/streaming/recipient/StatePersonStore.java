package org.eldercare.streaming.recipient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.state.MapState;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.resolve.BlockingKeys;
import org.eldercare.search.resolve.Person;
import org.eldercare.search.resolve.PersonStore;

/**
 * A {@link PersonStore} over the resolver's keyed state (one key, so the whole map is one operator's): persons by
 * id, person ids by blocking key, and the redirects of merged ids. Redirects are kept one hop deep: when a person
 * that had absorbed others is merged in turn, all its absorbed ids are pointed at the new survivor, which also
 * makes {@link #absorbedBy} the complete list of a person's former ids. Values are replaced, never mutated, as the
 * heap state backend hands out the stored objects. A reviewer's split (docs/CONTRACT.md §7.6) is kept both ways
 * under the ids split at the time; {@link #isSplit} follows them through later merges with {@link #absorbedBy}.
 */
final class StatePersonStore implements PersonStore {

    private final MapState<String, Person> persons;
    private final MapState<String, List<String>> filed;
    private final MapState<String, String> redirects;
    private final MapState<String, List<String>> absorbed;
    private final MapState<String, List<String>> splits;
    private final List<List<String>> repointedSinceDrain = new ArrayList<>();

    private static final Pattern LEGACY_SURNAME_BIRTH = Pattern.compile("sb:(.*)\\|(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern LEGACY_BIRTH_STREET = Pattern.compile("bs:(\\d{4}-\\d{2}-\\d{2})\\|(.*)");

    StatePersonStore(
            MapState<String, Person> persons,
            MapState<String, List<String>> filed,
            MapState<String, String> redirects,
            MapState<String, List<String>> absorbed,
            MapState<String, List<String>> splits) {
        this.persons = persons;
        this.filed = filed;
        this.redirects = redirects;
        this.absorbed = absorbed;
        this.splits = splits;
    }

    @Override
    public Collection<Person> candidates(Set<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : keys) {
            List<String> filedIds = State.get(filed, key);
            if (filedIds != null) {
                filedIds.forEach(id -> ids.add(canonicalId(id)));
            }
        }
        return ids.stream()
                .map(id -> State.get(persons, id))
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    public Optional<Person> get(String recipientId) {
        return Optional.ofNullable(State.get(persons, canonicalId(recipientId)));
    }

    @Override
    public void save(Person person, Set<String> keys) {
        String id = person.recipientId();
        State.put(persons, id, person);
        for (String key : keys) {
            List<String> ids = State.get(filed, key);
            if (ids == null || !ids.contains(id)) {
                State.put(filed, key, State.append(ids, List.of(id)));
            }
        }
    }

    @Override
    public void redirect(String mergedId, String intoId) {
        List<String> moved = State.append(List.of(mergedId), State.get(absorbed, mergedId));
        State.remove(persons, mergedId);
        State.remove(absorbed, mergedId);
        for (String id : moved) {
            State.put(redirects, id, intoId);
        }
        State.put(absorbed, intoId, State.append(State.get(absorbed, intoId), moved));
        repointedSinceDrain.add(moved);
    }

    @Override
    public String canonicalId(String recipientId) {
        String id = recipientId;
        for (String next = State.get(redirects, id); next != null; next = State.get(redirects, id)) {
            id = next;
        }
        return id;
    }

    @Override
    public Collection<Person> persons() {
        List<Person> all = new ArrayList<>();
        State.values(persons).forEach(all::add);
        return all;
    }

    /**
     * Re-files the blocking keys that state of {@code PersonSerializer} form 1 wrote with a birth date in clear
     * ({@code sb:<surname>|yyyy-MM-dd}, {@code bs:yyyy-MM-dd|<street>}) under the date's keyed digest, as {@link
     * BlockingKeys} now writes them, and gives every person filed under such a key the digests of that date back: form
     * 1 persons read with their birth years only. Afterwards no birth date is left in clear in this state
     * (docs/CONTRACT.md §6.7).
     *
     * @return how many keys were re-filed
     */
    int upgradeLegacyBirthKeys(Pii pii) {
        List<Map.Entry<String, List<String>>> legacy = new ArrayList<>();
        try {
            for (Map.Entry<String, List<String>> e : filed.entries()) {
                if (LEGACY_SURNAME_BIRTH.matcher(e.getKey()).matches()
                        || LEGACY_BIRTH_STREET.matcher(e.getKey()).matches()) {
                    legacy.add(Map.entry(e.getKey(), e.getValue()));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("recipient state: read failed", e);
        }
        for (Map.Entry<String, List<String>> e : legacy) {
            Matcher sb = LEGACY_SURNAME_BIRTH.matcher(e.getKey());
            Matcher bs = LEGACY_BIRTH_STREET.matcher(e.getKey());
            LocalDate date;
            String key;
            if (sb.matches()) {
                date = LocalDate.parse(sb.group(2));
                key = "sb:" + sb.group(1) + "|" + pii.birthDateDigest(date);
            } else {
                bs.matches();
                date = LocalDate.parse(bs.group(1));
                key = "bs:" + pii.birthDateDigest(date) + "|" + bs.group(2);
            }
            List<String> ids = State.get(filed, key);
            List<String> added = e.getValue().stream()
                    .filter(id -> ids == null || !ids.contains(id))
                    .toList();
            State.put(filed, key, State.append(ids, added));
            State.remove(filed, e.getKey());
            List<String> digests = pii.birthDigests(date);
            for (String id : e.getValue()) {
                Person p = State.get(persons, canonicalId(id));
                if (p != null && !p.profile().birthDigests().containsAll(digests)) {
                    State.put(persons, p.recipientId(), p.withBirthDigests(digests));
                }
            }
        }
        return legacy.size();
    }

    /** The ids merged into {@code recipientId} over time, oldest merge first; empty when none. */
    List<String> absorbedBy(String recipientId) {
        List<String> ids = State.get(absorbed, recipientId);
        return ids == null ? List.of() : ids;
    }

    /**
     * The ids each {@link #redirect} call since the last drain pointed elsewhere, one list per call in call order:
     * the resolver redirects once per merge, so the lists line up with {@code Resolution.merges()}.
     */
    List<List<String>> drainRepointed() {
        List<List<String>> out = List.copyOf(repointedSinceDrain);
        repointedSinceDrain.clear();
        return out;
    }

    @Override
    public void markSplit(String a, String b) {
        List<String> fromA = State.get(splits, a);
        if (fromA == null || !fromA.contains(b)) {
            State.put(splits, a, State.append(fromA, List.of(b)));
        }
        List<String> fromB = State.get(splits, b);
        if (fromB == null || !fromB.contains(a)) {
            State.put(splits, b, State.append(fromB, List.of(a)));
        }
    }

    @Override
    public boolean isSplit(String a, String b) {
        String x = canonicalId(a);
        String y = canonicalId(b);
        if (x.equals(y)) {
            return false;
        }
        for (String id : State.append(List.of(x), absorbedBy(x))) {
            List<String> splitFrom = State.get(splits, id);
            if (splitFrom != null
                    && splitFrom.stream().anyMatch(other -> canonicalId(other).equals(y))) {
                return true;
            }
        }
        return false;
    }
}
