package org.eldercare.benchmark.common;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept whole (a run holds at most a few million) and sorted once for
 * percentiles. Thread-safe for concurrent {@link #record}.
 */
public final class Latencies {

    private long[] samples = new long[1 << 14];
    private int size;
    private boolean sorted;

    public synchronized void record(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
        sorted = false;
    }

    public synchronized int count() {
        return size;
    }

    /** The value at quantile {@code q} (0..1) by the nearest-rank method, in milliseconds; NaN when empty. */
    public synchronized double millisAt(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        if (!sorted) {
            Arrays.sort(samples, 0, size);
            sorted = true;
        }
        int rank = (int) Math.ceil(q * size);
        return samples[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    /** {@code p50 x ms, p95 y ms, p99 z ms, max w ms (n samples)}. */
    public String summary() {
        return String.format(
                java.util.Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%,d samples)",
                millisAt(0.50),
                millisAt(0.95),
                millisAt(0.99),
                millisAt(1.0),
                count());
    }
}
