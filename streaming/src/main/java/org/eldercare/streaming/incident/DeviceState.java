package org.eldercare.streaming.incident;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.JsonFormSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;

/**
 * One device's binding, its last sign of life and its water meter's day so far (docs/CONTRACT.md §9.2, §9.4). Held
 * as state treated as immutable: {@link DeviceWatch} changes a {@link #copy()}, never the stored object, so a snapshot
 * that is being written never sees a change. Times are epoch milliseconds.
 */
public final class DeviceState {

    public static final TypeInformation<DeviceState> TYPE =
            new ImmutableTypeInfo<>(DeviceState.class, Serializer.INSTANCE);

    public String operatorId;
    public String deviceId;
    public DeviceKind kind;
    public String personId;
    public String districtCode;
    public String streetCode;
    public int heartbeatSeconds;
    /** Whether the device is bound now; an unbound device keeps its state for last-writer-wins. */
    public boolean bound;
    /** The {@code time} of the binding or unbinding that stands. */
    public long boundAt;

    public long lastSignalAt;
    /** The last signal whose silence was raised as an incident, so one silence raises one incident. */
    public Long silenceRaisedFor;
    /** The silence timer now registered, so a new signal moves it instead of adding one (one timer per device). */
    public Long silenceTimerAt;
    /** The Asia/Shanghai epoch day the meter is counting, null before its first reading. */
    public Long meterDay;
    /** Whether a reading came before {@link #meterDay}: the day can be judged only then. */
    public boolean meterHasBaseline;

    public int meterDayReadings;
    public double meterDayLitres;
    public Double lastLitres;
    public Long judgedDay;
    /**
     * Whether the device's {@code devices} document (docs/CONTRACT.md §9.9) has been written. False for state of form 1,
     * written before that index existed: the device's next event writes it once.
     */
    public boolean documented;

    public DeviceState copy() {
        DeviceState c = new DeviceState();
        c.operatorId = operatorId;
        c.deviceId = deviceId;
        c.kind = kind;
        c.personId = personId;
        c.districtCode = districtCode;
        c.streetCode = streetCode;
        c.heartbeatSeconds = heartbeatSeconds;
        c.bound = bound;
        c.boundAt = boundAt;
        c.lastSignalAt = lastSignalAt;
        c.silenceRaisedFor = silenceRaisedFor;
        c.silenceTimerAt = silenceTimerAt;
        c.meterDay = meterDay;
        c.meterHasBaseline = meterHasBaseline;
        c.meterDayReadings = meterDayReadings;
        c.meterDayLitres = meterDayLitres;
        c.lastLitres = lastLitres;
        c.judgedDay = judgedDay;
        c.documented = documented;
        return c;
    }

    /** The binary form in state: its JSON. */
    public static final class Serializer extends JsonFormSerializer<DeviceState> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        private Serializer() {
            super(DeviceState.class);
        }

        /**
         * Form 2 adds {@code documented} (docs/CONTRACT.md §9.9). Form 1, the first release's, is the same JSON
         * without it and reads as {@code documented = false}.
         */
        @Override
        public int formatVersion() {
            return 2;
        }

        @Override
        public TypeSerializerSnapshot<DeviceState> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<DeviceState> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
