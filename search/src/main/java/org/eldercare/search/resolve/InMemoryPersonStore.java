package org.eldercare.search.resolve;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A {@link PersonStore} in maps, for the evaluation, tests and single-process use. Not thread-safe. */
public final class InMemoryPersonStore implements PersonStore {

    private final Map<String, Person> persons = new LinkedHashMap<>();
    private final Map<String, Set<String>> idsByKey = new HashMap<>();
    private final Map<String, String> redirects = new HashMap<>();
    private final List<List<String>> splits = new ArrayList<>();

    @Override
    public Collection<Person> candidates(Set<String> keys) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : keys) {
            idsByKey.getOrDefault(key, Set.of()).forEach(id -> ids.add(canonicalId(id)));
        }
        return ids.stream().map(persons::get).filter(p -> p != null).toList();
    }

    @Override
    public Optional<Person> get(String recipientId) {
        return Optional.ofNullable(persons.get(canonicalId(recipientId)));
    }

    @Override
    public void save(Person person, Set<String> keys) {
        persons.put(person.recipientId(), person);
        keys.forEach(
                key -> idsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(person.recipientId()));
    }

    @Override
    public void redirect(String mergedId, String intoId) {
        persons.remove(mergedId);
        redirects.put(mergedId, intoId);
    }

    @Override
    public String canonicalId(String recipientId) {
        String id = recipientId;
        for (String next = redirects.get(id); next != null; next = redirects.get(id)) {
            id = next;
        }
        return id;
    }

    @Override
    public Collection<Person> persons() {
        return List.copyOf(persons.values());
    }

    @Override
    public void markSplit(String a, String b) {
        splits.add(List.of(a, b));
    }

    @Override
    public boolean isSplit(String a, String b) {
        String x = canonicalId(a);
        String y = canonicalId(b);
        for (List<String> pair : splits) {
            String p = canonicalId(pair.get(0));
            String q = canonicalId(pair.get(1));
            if ((p.equals(x) && q.equals(y)) || (p.equals(y) && q.equals(x))) {
                return true;
            }
        }
        return false;
    }
}
