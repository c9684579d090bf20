package org.eldercare.streaming.dedup;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.ingest.event.CareEvent;

/**
 * Passes each event once per idempotency key {@code (source, id)}, remembered for at least {@code
 * ttl} (at least 7 days) after it was first seen, at most one day longer. Repeats are dropped and
 * counted in the {@code duplicates} metric.
 *
 * <p>Keyed by the event's partition key (facility id, or street code), with the idempotency keys
 * inside: a facility's events then stay in their Kafka order all the way to the ledger, which
 * order-sensitive counting (occupied beds within 0..beds) needs. Keying by {@code (source, id)} alone
 * would interleave one facility's events from several dedup subtasks.
 *
 * <p>The keys are kept as 128-bit fingerprints in {@link SeenEvents}, filed by day of first
 * sighting, and a processing-time timer per key and day forgets a day once it is {@code ttl} old.
 * Flink's own state TTL on a map of keys was the job's bottleneck: with the heap backend, filtering
 * expired entries out of every map at each checkpoint took about half of the job's CPU.
 */
public final class Deduplicator extends KeyedProcessFunction<String, CareEvent, CareEvent> {

    private static final long serialVersionUID = 1L;
    public static final String SEEN_STATE = "seen-events";

    private final long ttlMillis;
    private transient ValueState<SeenEvents> seen;
    private transient Counter duplicates;

    public Deduplicator(Duration ttl) {
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        seen = getRuntimeContext().getState(new ValueStateDescriptor<>(SEEN_STATE, SeenEventsSerializer.INSTANCE));
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
    }

    @Override
    public void processElement(CareEvent event, Context ctx, Collector<CareEvent> out) throws Exception {
        EventFingerprint fingerprint = EventFingerprint.of(event.dedupKey());
        SeenEvents events = seen.value();
        if (events == null) {
            events = new SeenEvents();
        } else if (events.contains(fingerprint)) {
            duplicates.inc();
            return;
        }
        long newDay = events.add(fingerprint, ctx.timerService().currentProcessingTime());
        if (newDay >= 0) {
            ctx.timerService().registerProcessingTimeTimer(SeenEvents.expiryOf(newDay, ttlMillis));
        }
        seen.update(events);
        out.collect(event);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CareEvent> out) throws Exception {
        SeenEvents events = seen.value();
        if (events == null) {
            return;
        }
        events.forgetExpired(timestamp, ttlMillis);
        if (events.isEmpty()) {
            seen.clear();
        } else {
            seen.update(events);
        }
    }
}
