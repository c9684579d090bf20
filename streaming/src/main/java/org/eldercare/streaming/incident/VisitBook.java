package org.eldercare.streaming.incident;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.JsonFormSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;

/**
 * One person's visits and the periods waiting for their judgement (docs/CONTRACT.md §9.4), held as immutable state.
 *
 * @param visits the Asia/Shanghai days visited, each with the earliest {@code time} a visit of that day was recorded
 *     (epoch milliseconds); days of periods already judged are dropped
 * @param pending periods ({@link VisitPeriods.Period#id()}) with the instant their judgement timer falls
 * @param judgedThrough the end of the last period judged (epoch milliseconds), or null before the first
 */
public record VisitBook(Map<Long, Long> visits, Map<String, Long> pending, Long judgedThrough) {

    public static final TypeInformation<VisitBook> TYPE = new ImmutableTypeInfo<>(VisitBook.class, Serializer.INSTANCE);

    public static final VisitBook EMPTY = new VisitBook(Map.of(), Map.of(), null);

    public VisitBook {
        visits = visits == null ? Map.of() : new TreeMap<>(visits);
        pending = pending == null ? Map.of() : new TreeMap<>(pending);
    }

    /** Whether a visit on a day of {@code period} was recorded by {@code judgedAt}. */
    public boolean visited(VisitPeriods.Period period, long judgedAt) {
        return visits.entrySet().stream().anyMatch(v -> period.holds(v.getKey()) && v.getValue() <= judgedAt);
    }

    /** The binary form in state: its JSON. */
    public static final class Serializer extends JsonFormSerializer<VisitBook> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        private Serializer() {
            super(VisitBook.class);
        }

        /** Form 1: the first release's. */
        @Override
        public int formatVersion() {
            return 1;
        }

        @Override
        public TypeSerializerSnapshot<VisitBook> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<VisitBook> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
