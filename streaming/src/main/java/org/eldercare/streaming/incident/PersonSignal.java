package org.eldercare.streaming.incident;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.JsonFormSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;

/**
 * What a device tells the person it is bound to: an incident it raised (to be given the person's masked details), or
 * a day of water use to judge against the person's labels. Exactly one of {@code raised} and {@code waterDay} is set.
 */
public record PersonSignal(String personId, Raised raised, WaterDay waterDay) {

    public static final TypeInformation<PersonSignal> TYPE =
            new ImmutableTypeInfo<>(PersonSignal.class, Serializer.INSTANCE);

    /**
     * The use of one Asia/Shanghai day (docs/CONTRACT.md §9.4), judged at {@code judgedAt}, the midnight that ended it.
     */
    public record WaterDay(long epochDay, double litres, String operatorId, String deviceId, long judgedAt) {}

    /** The binary form between operators: its JSON. */
    public static final class Serializer extends JsonFormSerializer<PersonSignal> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        private Serializer() {
            super(PersonSignal.class);
        }

        /** Form 1: the first release's. */
        @Override
        public int formatVersion() {
            return 1;
        }

        @Override
        public TypeSerializerSnapshot<PersonSignal> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<PersonSignal> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
