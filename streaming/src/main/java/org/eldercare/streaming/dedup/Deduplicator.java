package org.eldercare.streaming.dedup;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.ingest.event.CareEvent;

/**
 * Passes each event once per idempotency key {@code (source, id)}, remembered for {@code ttl}
 * (at least 7 days) after it was first seen. Repeats are dropped and counted in the {@code
 * duplicates} metric.
 *
 * <p>Keyed by the event's partition key (facility id, or street code), with the idempotency key as
 * the map key inside: a facility's events then stay in their Kafka order all the way to the ledger,
 * which order-sensitive counting (occupied beds within 0..beds) needs. Keying by {@code (source, id)}
 * alone would interleave one facility's events from several dedup subtasks.
 */
public final class Deduplicator extends KeyedProcessFunction<String, CareEvent, CareEvent> {

    private static final long serialVersionUID = 1L;
    public static final String SEEN_STATE = "seen-event-ids";

    private final Duration ttl;
    private transient MapState<String, Boolean> seen;
    private transient Counter duplicates;

    public Deduplicator(Duration ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext context) {
        MapStateDescriptor<String, Boolean> descriptor =
                new MapStateDescriptor<>(SEEN_STATE, Types.STRING, Types.BOOLEAN);
        descriptor.enableTimeToLive(ttlConfig(ttl));
        seen = getRuntimeContext().getMapState(descriptor);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicates");
    }

    /** Expiry counts from the first sighting; expired ids are never reported as seen. */
    public static StateTtlConfig ttlConfig(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .cleanupFullSnapshot()
                .build();
    }

    @Override
    public void processElement(CareEvent event, Context ctx, Collector<CareEvent> out) throws Exception {
        String key = event.dedupKey();
        if (seen.contains(key)) {
            duplicates.inc();
            return;
        }
        seen.put(key, Boolean.TRUE);
        out.collect(event);
    }
}
