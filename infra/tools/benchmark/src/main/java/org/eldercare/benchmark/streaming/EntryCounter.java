package org.eldercare.benchmark.streaming;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;

/**
 * A pass-through at the very start of the job that counts raw events and notes when the first and the latest one
 * arrived. The MiniCluster runs in the benchmark's JVM and loads job classes from its classpath, so the statics are
 * the benchmark's own. With bounded network buffers downstream, the entry rate over millions of events is the
 * job's processing rate to within the few thousand events in flight.
 */
final class EntryCounter implements MapFunction<byte[], byte[]> {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicLong FIRST_NANOS = new AtomicLong();
    private static final AtomicLong LAST_NANOS = new AtomicLong();

    @Override
    public byte[] map(byte[] value) {
        long now = System.nanoTime();
        if (COUNT.getAndIncrement() == 0) {
            FIRST_NANOS.set(now);
        }
        LAST_NANOS.set(now);
        return value;
    }

    static void reset() {
        COUNT.set(0);
        FIRST_NANOS.set(0);
        LAST_NANOS.set(0);
    }

    static long count() {
        return COUNT.get();
    }

    static long firstNanos() {
        return FIRST_NANOS.get();
    }

    static long lastNanos() {
        return LAST_NANOS.get();
    }
}
