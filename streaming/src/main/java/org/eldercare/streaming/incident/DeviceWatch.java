package org.eldercare.streaming.incident;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.eldercare.ingest.codec.CloudEventJson;
import org.eldercare.ingest.deadletter.DeadLetterPayload;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.DeviceBound;
import org.eldercare.ingest.event.DeviceEvent;
import org.eldercare.ingest.event.DeviceKind;
import org.eldercare.ingest.event.DeviceSos;
import org.eldercare.ingest.event.DeviceUnbound;
import org.eldercare.ingest.event.MeterReading;
import org.eldercare.search.incident.DeviceDocument;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * One device of one operator, keyed {@code <operatorId>/<deviceId>} (docs/CONTRACT.md §9.2, §9.4): keeps its binding
 * (last writer wins by {@code time}), raises {@code SOS} and {@code DEVICE_SILENT} incidents, and sums a water meter's
 * use per Asia/Shanghai day for the person it is bound to.
 *
 * <p>An unbound device is forgotten {@link Incidents#RETENTION} after its unbinding (§9.8), by an event-time timer; an
 * event for it after that is refused like any event of a device its operator has not bound.
 *
 * <p>Its {@code devices} document (§9.9) goes to {@link #BINDINGS} when the binding or the status changes: a binding, an
 * unbinding, a silence raised, the first signal after it (and once for state kept from before that index). A signal
 * that changes nothing writes nothing: a city's heartbeats would be hundreds of writes a second.
 *
 * <p>Silence and the end of a day are event-time timers, so they fall where the events say, not where the wall clock
 * was when they were read. Each is also judged when the device's next event shows the moment has passed, so the
 * outcome does not depend on how far the watermark had come when an event was read.
 */
public final class DeviceWatch extends KeyedProcessFunction<String, CareEvent, PersonSignal> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<Rejection> REJECTED = new OutputTag<>("device-rejections", StreamTypes.REJECTION);

    /** The device's document of the {@code devices} index (§9.9), at each change of its binding or status. */
    public static final OutputTag<DeviceDocument> BINDINGS = new OutputTag<>("device-bindings", StreamTypes.DEVICE);

    private transient ValueState<DeviceState> device;

    /** The device's key in the job: its operator and its own id. */
    public static String key(CareEvent event) {
        return IncidentIds.device(event.operatorId(), ((DeviceEvent) event.data()).deviceId());
    }

    @Override
    public void open(OpenContext context) {
        device = getRuntimeContext().getState(new ValueStateDescriptor<>("device", DeviceState.TYPE));
    }

    @Override
    public void processElement(CareEvent event, Context ctx, Collector<PersonSignal> out) throws Exception {
        DeviceState stored = device.value();
        DeviceState s = stored == null ? null : stored.copy();
        long time = event.time().toInstant().toEpochMilli();
        switch (event.data()) {
            case DeviceBound b -> {
                if (s != null && time < s.boundAt) {
                    return; // an older binding: the later one stands (§2, last writer wins)
                }
                if (s == null) {
                    s = new DeviceState();
                    s.operatorId = event.operatorId();
                    s.deviceId = b.deviceId();
                }
                if (s.bound) {
                    raiseSilenceIfPassed(s, time, ctx, out);
                }
                if (s.bound && !b.personId().equals(s.personId)) {
                    clearMeterDay(s); // another person: a day of use belongs to one person only
                }
                s.kind = b.kind();
                s.personId = b.personId();
                s.districtCode = b.districtCode();
                s.streetCode = b.streetCode();
                s.heartbeatSeconds = b.heartbeatSeconds();
                s.bound = true;
                s.boundAt = time;
                s.lastSignalAt = Math.max(s.lastSignalAt, time);
                // A new binding: ONLINE since its time, unless it came before the last signal of a silence.
                document(s, silent(s) ? silentAt(s) : time, ctx);
            }
            case DeviceUnbound u -> {
                if (s == null || !s.bound) {
                    reject(ctx, event, noDevice(event));
                    return;
                }
                if (time < s.boundAt) {
                    return;
                }
                raiseSilenceIfPassed(s, time, ctx, out);
                long boundAt = s.boundAt;
                s.bound = false;
                s.boundAt = time;
                clearMeterDay(s);
                ctx.output(BINDINGS, document(s, DeviceDocument.UNBOUND, time, boundAt));
                // Forgotten once no binding older than this unbinding can still arrive (§9.8).
                ctx.timerService().registerEventTimeTimer(forgetAt(s));
            }
            default -> {
                if (s == null || !s.bound) {
                    reject(ctx, event, noDevice(event));
                    return;
                }
                if (event.data() instanceof DeviceSos && !s.kind.canCallForHelp()) {
                    reject(ctx, event, "type: a " + s.kind + " device cannot send device.sos");
                    return;
                }
                if (event.data() instanceof MeterReading && s.kind != DeviceKind.WATER_METER) {
                    reject(ctx, event, "type: a " + s.kind + " device cannot send meter.reading");
                    return;
                }
                raiseSilenceIfPassed(s, time, ctx, out);
                boolean wasSilent = silent(s);
                s.lastSignalAt = Math.max(s.lastSignalAt, time);
                if (wasSilent && !silent(s)) {
                    document(s, time, ctx); // the first signal after the silence
                } else if (!s.documented) {
                    // State kept from before the index (§9.9): written once, at the device's next event.
                    document(s, silent(s) ? silentAt(s) : s.silenceRaisedFor == null ? s.boundAt : time, ctx);
                }
                if (event.data() instanceof DeviceSos sos) {
                    out.collect(signal(
                            s,
                            new Raised(
                                    IncidentIds.of(
                                            IncidentRules.SOS,
                                            IncidentIds.device(s.operatorId, s.deviceId),
                                            event.source() + "|" + event.id()),
                                    IncidentRules.SOS,
                                    s.districtCode,
                                    s.streetCode,
                                    s.operatorId,
                                    s.deviceId,
                                    s.kind.name(),
                                    s.personId,
                                    null,
                                    sos.location(),
                                    "SOS from " + s.kind + " " + s.deviceId,
                                    time)));
                } else if (event.data() instanceof MeterReading reading) {
                    read(s, time, reading.litres(), ctx, out);
                }
            }
        }
        long wanted = silentAt(s);
        if (s.silenceTimerAt != null && (!s.bound || s.silenceTimerAt != wanted)) {
            ctx.timerService().deleteEventTimeTimer(s.silenceTimerAt);
            s.silenceTimerAt = null;
        }
        if (s.bound && s.silenceTimerAt == null) {
            ctx.timerService().registerEventTimeTimer(wanted);
            s.silenceTimerAt = wanted;
        }
        device.update(s);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<PersonSignal> out) throws Exception {
        DeviceState stored = device.value();
        if (stored != null && !stored.bound && timestamp >= forgetAt(stored)) {
            device.clear();
            return;
        }
        if (stored == null || !stored.bound) {
            return;
        }
        DeviceState s = stored.copy();
        if (s.silenceTimerAt != null && s.silenceTimerAt == timestamp) {
            s.silenceTimerAt = null;
        }
        raiseSilenceIfPassed(s, timestamp, ctx, out);
        if (s.meterDay != null && nextMidnight(s.meterDay) <= timestamp) {
            judge(s, out);
        }
        device.update(s);
    }

    /** Raises the silence that began after the last signal if it had lasted its limit by {@code now}. */
    private static void raiseSilenceIfPassed(DeviceState s, long now, Context ctx, Collector<PersonSignal> out) {
        long silentAt = silentAt(s);
        if (!s.bound || now < silentAt || Long.valueOf(s.lastSignalAt).equals(s.silenceRaisedFor)) {
            return;
        }
        s.silenceRaisedFor = s.lastSignalAt;
        IncidentRules rules = IncidentRules.forDistrict(s.districtCode);
        out.collect(signal(
                s,
                new Raised(
                        IncidentIds.of(
                                IncidentRules.DEVICE_SILENT,
                                IncidentIds.device(s.operatorId, s.deviceId),
                                Long.toString(s.lastSignalAt)),
                        IncidentRules.DEVICE_SILENT,
                        s.districtCode,
                        s.streetCode,
                        s.operatorId,
                        s.deviceId,
                        s.kind.name(),
                        s.personId,
                        null,
                        null,
                        "no signal since " + ShanghaiTime.at(s.lastSignalAt) + " (" + rules.missedHeartbeats()
                                + " heartbeats of " + s.heartbeatSeconds + " s missed)",
                        silentAt)));
        document(s, silentAt, ctx);
    }

    /** Whether the device is bound and in a silence already raised: no signal since the one the silence followed. */
    private static boolean silent(DeviceState s) {
        return s.bound && Long.valueOf(s.lastSignalAt).equals(s.silenceRaisedFor);
    }

    /** Writes the bound device's document as its state now stands, its status begun at {@code since}. */
    private static void document(DeviceState s, long since, Context ctx) {
        ctx.output(BINDINGS, document(s, silent(s) ? DeviceDocument.SILENT : DeviceDocument.ONLINE, since, s.boundAt));
    }

    /**
     * The device's document (§9.9): the binding, the status and when it began; no one's name, number or place. An
     * unbound device's {@code unboundAt} is its state's {@code boundAt}, the unbinding event's {@code time}.
     */
    static DeviceDocument document(DeviceState s, String status, long since, long boundAt) {
        s.documented = true;
        return new DeviceDocument(
                DeviceDocument.idOf(s.operatorId, s.deviceId),
                s.operatorId,
                s.deviceId,
                s.kind.name(),
                s.personId,
                s.districtCode,
                s.streetCode,
                s.heartbeatSeconds,
                status,
                ShanghaiTime.at(since),
                ShanghaiTime.at(boundAt),
                ShanghaiTime.at(s.lastSignalAt),
                s.bound ? null : ShanghaiTime.at(s.boundAt));
    }

    /** When an unbound device's state is forgotten: {@link Incidents#RETENTION} after its unbinding. */
    static long forgetAt(DeviceState s) {
        return s.boundAt + Incidents.RETENTION.toMillis();
    }

    private static long silentAt(DeviceState s) {
        return s.lastSignalAt
                + 1000L
                        * s.heartbeatSeconds
                        * IncidentRules.forDistrict(s.districtCode).missedHeartbeats();
    }

    /** A reading at {@code time}: closes the day before if it ended, then adds its increase to its own day. */
    private static void read(DeviceState s, long time, double litres, Context ctx, Collector<PersonSignal> out) {
        long day = ShanghaiTime.epochDay(time);
        if (s.lastLitres == null) {
            s.meterDay = day;
            s.meterHasBaseline = false;
            s.meterDayReadings = 1;
            s.meterDayLitres = 0;
        } else if (s.meterDay == null || day > s.meterDay) {
            if (s.meterDay != null) {
                judge(s, out);
            }
            s.meterDay = day;
            s.meterHasBaseline = true; // lastLitres is the last reading before this day
            s.meterDayReadings = 1;
            s.meterDayLitres = Math.max(0, litres - s.lastLitres);
        } else if (day == s.meterDay) {
            s.meterDayReadings++;
            // A lower reading is a meter replaced or reset: counting starts again from it (§9.2).
            s.meterDayLitres += Math.max(0, litres - s.lastLitres);
        } else {
            return; // a reading of a day already closed: a sign of life, not use
        }
        s.lastLitres = litres;
        ctx.timerService().registerEventTimeTimer(nextMidnight(day));
    }

    /** Sends the meter's day on to the person once, when it can be judged (§9.4). */
    private static void judge(DeviceState s, Collector<PersonSignal> out) {
        if (s.meterDay.equals(s.judgedDay)) {
            return;
        }
        s.judgedDay = s.meterDay;
        if (s.meterHasBaseline && s.meterDayReadings > 0) {
            out.collect(new PersonSignal(
                    s.personId,
                    null,
                    new PersonSignal.WaterDay(
                            s.meterDay, s.meterDayLitres, s.operatorId, s.deviceId, nextMidnight(s.meterDay)),
                    null));
        }
    }

    private static void clearMeterDay(DeviceState s) {
        s.meterDay = null;
        s.lastLitres = null;
        s.meterHasBaseline = false;
        s.meterDayReadings = 0;
        s.meterDayLitres = 0;
        s.judgedDay = null;
    }

    private static long nextMidnight(long epochDay) {
        return LocalDate.ofEpochDay(epochDay + 1)
                .atStartOfDay(ShanghaiTime.ZONE)
                .toInstant()
                .toEpochMilli();
    }

    private static PersonSignal signal(DeviceState s, Raised raised) {
        return new PersonSignal(s.personId, raised, null, null);
    }

    private static String noDevice(CareEvent event) {
        return "data.deviceId: operator " + event.operatorId() + " has no bound device "
                + ((DeviceEvent) event.data()).deviceId();
    }

    private static void reject(Context ctx, CareEvent event, String reason) {
        ctx.output(
                REJECTED,
                new Rejection(
                        event.id(),
                        event.source(),
                        event.operatorId(),
                        event.type().wireName(),
                        List.of(reason),
                        Rejection.STREAM,
                        ShanghaiTime.at(ctx.timerService().currentProcessingTime()),
                        DeadLetterPayload.of(CloudEventJson.writeString(event))));
    }

    static String litres(double litres) {
        return String.format(Locale.ROOT, "%.1f", litres);
    }
}
