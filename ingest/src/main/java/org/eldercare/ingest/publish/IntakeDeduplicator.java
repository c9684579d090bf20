package org.eldercare.ingest.publish;

import java.util.Collection;
import org.eldercare.ingest.event.CareEvent;

/**
 * The {@code (source, id)} keys this process accepted most recently, so the intake can tell a
 * client which events of a resent batch are {@code duplicates}.
 *
 * <p>This only improves the HTTP response. "Counted once, in any later request or after any
 * restart" (docs/CONTRACT.md §1) is the streaming job's keyed dedup, which sees every event on the topic.
 * This set forgets everything on restart and the oldest keys once full, so a duplicate it misses
 * is counted once downstream anyway; publishing a reported duplicate again is also harmless.
 *
 * <p>Keys are kept as 64-bit hashes in a ring of fixed capacity (about 24 bytes a key): a million
 * keys cost ~24 MiB. Two distinct keys share a hash with probability ~2<sup>-64</sup> per pair.
 * Thread-safe. Call {@link #remember} only after the event is durably published, so a batch that
 * failed with 503 is not reported as duplicates when it is resent.
 */
public final class IntakeDeduplicator {

    public static final int DEFAULT_CAPACITY = 1_000_000;

    private final long[] ring;
    private final long[] table;
    private final int mask;
    private int next;
    private int size;

    public IntakeDeduplicator() {
        this(DEFAULT_CAPACITY);
    }

    public IntakeDeduplicator(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: must be at least 1");
        }
        ring = new long[capacity];
        table = new long[Integer.highestOneBit(capacity * 2 - 1) << 1];
        mask = table.length - 1;
    }

    public synchronized boolean contains(String source, String id) {
        return find(hash(source, id)) >= 0;
    }

    public boolean contains(CareEvent event) {
        return contains(event.source(), event.id());
    }

    /** Records the key; once full, forgets the oldest key. Remembering a known key changes nothing. */
    public synchronized void remember(String source, String id) {
        long h = hash(source, id);
        if (find(h) >= 0) {
            return;
        }
        if (size == ring.length) {
            delete(ring[next]);
        } else {
            size++;
        }
        ring[next] = h;
        next = (next + 1) % ring.length;
        insert(h);
    }

    public void rememberAll(Collection<CareEvent> events) {
        events.forEach(e -> remember(e.source(), e.id()));
    }

    public synchronized int size() {
        return size;
    }

    private int find(long h) {
        for (int i = slot(h); table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == h) {
                return i;
            }
        }
        return -1;
    }

    private void insert(long h) {
        int i = slot(h);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = h;
    }

    /** Linear-probing delete with backward shift, so no tombstones pile up in a long-lived set. */
    private void delete(long h) {
        int i = find(h);
        if (i < 0) {
            return;
        }
        for (int j = (i + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int home = slot(table[j]);
            boolean staysPut = i <= j ? (i < home && home <= j) : (i < home || home <= j);
            if (!staysPut) {
                table[i] = table[j];
                i = j;
            }
        }
        table[i] = 0;
    }

    private int slot(long h) {
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** FNV-1a over both strings, then a SplitMix64 finaliser; 0 is reserved for empty slots. */
    static long hash(String source, String id) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, source);
        h = (h ^ '\n') * 0x100000001b3L;
        h = fnv(h, id);
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        h ^= h >>> 31;
        return h == 0 ? 1 : h;
    }

    private static long fnv(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
