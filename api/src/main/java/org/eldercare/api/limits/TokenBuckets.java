package org.eldercare.api.limits;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key: {@code burst} requests at once, refilled at {@code perSecond}. At most {@code
 * maxKeys} buckets are kept; when that many exist, full buckets (idle keys, which a fresh bucket would
 * equal) are dropped first, then arbitrary ones, which at worst gives a key a fresh burst. Thread-safe.
 */
final class TokenBuckets {

    private final double perNano;
    private final double burst;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(double perSecond, int burst, int maxKeys, LongSupplier nanoTime) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the key's bucket: 0 if taken, else the nanoseconds until one is there. */
    long tryTake(String key) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                evict(now);
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        }
        return bucket.tryTake(now);
    }

    int size() {
        return buckets.size();
    }

    private void evict(long now) {
        buckets.values().removeIf(b -> b.isFull(now));
        Iterator<String> keys = buckets.keySet().iterator();
        while (buckets.size() >= maxKeys && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized long tryTake(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= burst;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(burst, tokens + (now - last) * perNano);
                last = now;
            }
        }
    }
}
