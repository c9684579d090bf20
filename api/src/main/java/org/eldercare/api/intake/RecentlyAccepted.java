package org.eldercare.api.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A bounded memory of the idempotency keys accepted lately, so a client that resends a batch is told
 * which events were {@code duplicates}. It only sharpens the response: counting each event once,
 * across restarts too, is the stream's keyed deduplication's job.
 */
@Component
public class RecentlyAccepted {

    private final Set<String> keys;

    public RecentlyAccepted(@Value("${eldercare.intake.remembered-keys:1000000}") int capacity) {
        this.keys = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }

    public void add(String key) {
        keys.add(key);
    }
}
