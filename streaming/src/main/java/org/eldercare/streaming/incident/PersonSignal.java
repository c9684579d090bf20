package org.eldercare.streaming.incident;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.JsonFormSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;

/**
 * What reaches a person of the register besides their entry: an incident a device raised (to be given the person's
 * masked details), a day of water use to judge against the person's labels, or a caregiver's visit for the
 * missed-visit rule (docs/CONTRACT.md §9.4). Exactly one of {@code raised}, {@code waterDay} and {@code visit} is set.
 */
public record PersonSignal(String personId, Raised raised, WaterDay waterDay, Visit visit) {

    public static final TypeInformation<PersonSignal> TYPE =
            new ImmutableTypeInfo<>(PersonSignal.class, Serializer.INSTANCE);

    /**
     * The use of one Asia/Shanghai day (docs/CONTRACT.md §9.4), judged at {@code judgedAt}, the midnight that ended it.
     */
    public record WaterDay(long epochDay, double litres, String operatorId, String deviceId, long judgedAt) {}

    /**
     * A {@code visit.completed} (§9.3): it counts for the period holding {@code epochDay}, the Asia/Shanghai day of its
     * {@code visitedAt}, when it was recorded ({@code recordedAt}, the event's {@code time}) by the judgement.
     */
    public record Visit(long epochDay, long recordedAt) {}

    /** The binary form between operators: its JSON. */
    public static final class Serializer extends JsonFormSerializer<PersonSignal> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        private Serializer() {
            super(PersonSignal.class);
        }

        /**
         * Form 2 added {@code visit}; form 1 (the first release's) is read as it stands, its {@code visit} null, since
         * the form is the record's JSON and an absent field reads as null.
         */
        @Override
        public int formatVersion() {
            return 2;
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
