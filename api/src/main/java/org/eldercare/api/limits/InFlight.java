package org.eldercare.api.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests in flight per key, at most {@code max} each. A key is forgotten when its last request ends,
 * so the map holds only keys with requests running. Thread-safe.
 */
final class InFlight {

    private final int max;
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    InFlight(int max) {
        this.max = max;
    }

    /** True if the key had fewer than {@code max} requests running; the caller must then {@link #release}. */
    boolean tryAcquire(String key) {
        boolean[] acquired = {false};
        running.compute(key, (k, n) -> {
            int current = n == null ? 0 : n;
            if (current >= max) {
                return n;
            }
            acquired[0] = true;
            return current + 1;
        });
        return acquired[0];
    }

    void release(String key) {
        running.computeIfPresent(key, (k, n) -> n <= 1 ? null : n - 1);
    }

    int running(String key) {
        return running.getOrDefault(key, 0);
    }
}
