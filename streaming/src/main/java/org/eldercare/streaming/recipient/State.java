package org.eldercare.streaming.recipient;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapState;

/**
 * Map-state access without checked exceptions: the resolver's {@code PersonStore} interface has none, and a state
 * backend failure is fatal to the task anyway, so it is rethrown unchecked for Flink to restart from a checkpoint.
 */
final class State {

    private State() {}

    static <K, V> V get(MapState<K, V> state, K key) {
        try {
            return state.get(key);
        } catch (Exception e) {
            throw new IllegalStateException("recipient state: read failed", e);
        }
    }

    static <K, V> void put(MapState<K, V> state, K key, V value) {
        try {
            state.put(key, value);
        } catch (Exception e) {
            throw new IllegalStateException("recipient state: write failed", e);
        }
    }

    static <K, V> void remove(MapState<K, V> state, K key) {
        try {
            state.remove(key);
        } catch (Exception e) {
            throw new IllegalStateException("recipient state: remove failed", e);
        }
    }

    static <K, V> Iterable<V> values(MapState<K, V> state) {
        try {
            return state.values();
        } catch (Exception e) {
            throw new IllegalStateException("recipient state: read failed", e);
        }
    }

    /** A new immutable list: {@code head} (null = empty) followed by {@code tail} (null = empty). */
    static List<String> append(List<String> head, List<String> tail) {
        List<String> out = new ArrayList<>((head == null ? 0 : head.size()) + (tail == null ? 0 : tail.size()));
        if (head != null) {
            out.addAll(head);
        }
        if (tail != null) {
            out.addAll(tail);
        }
        return List.copyOf(out);
    }
}
