package org.eldercare.search.resolve;

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
}
