package org.eldercare.streaming.caregiver;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.CaregiverChange;
import org.eldercare.ingest.event.CaregiverHired;

/**
 * Counts each caregiver once, at the facility where they were last hired (docs/CONTRACT.md §2), keyed by
 * {@link #key(CareEvent) (operator, caregiverId)} over the ledger's accepted caregiver events. Caregiver ids are
 * the operator's own (docs/CONTRACT.md §6.2): another operator's {@code cg-17} is another person, so its hire
 * neither moves this operator's {@code cg-17} nor ends its shift. A hire elsewhere is an implicit leave
 * from the previous facility (and ends a shift there). Hires from different facilities can arrive
 * out of order, so "last" is by event time: a hire older than the latest one is ignored. Shifts are
 * counted per caregiver: at most one open shift, at the facility where it started.
 *
 * <p>State is cleared once a caregiver has left and is off duty; the time of their latest hire is
 * kept for {@code memory} (TTL) to recognise late, stale hires.
 */
public final class CaregiverRegistry extends KeyedProcessFunction<String, CareEvent, CaregiverDelta> {

    private static final long serialVersionUID = 1L;
    public static final String STATE = "caregiver";
    public static final String LAST_HIRE_STATE = "last-hire-of-departed";

    private final Duration memory;
    private transient ValueState<Caregiver> caregiver;
    private transient ValueState<Long> departedLastHire;

    /**
     * The state key of the caregiver an event is about: its operator and caregiver id. Operator ids are codes
     * ({@code [A-Za-z0-9_-]}), so the {@code /} cannot be part of one and two keys never collide.
     */
    public static String key(CareEvent event) {
        String caregiverId = switch (event.data()) {
            case CaregiverHired h -> h.caregiverId();
            case CaregiverChange c -> c.caregiverId();
            default ->
                throw new IllegalArgumentException("type: " + event.type().wireName() + " is no caregiver event");
        };
        return event.operatorId() + "/" + caregiverId;
    }

    public CaregiverRegistry(Duration memory) {
        this.memory = memory;
    }

    @Override
    public void open(OpenContext context) {
        caregiver =
                getRuntimeContext().getState(new ValueStateDescriptor<>(STATE, TypeInformation.of(Caregiver.class)));
        ValueStateDescriptor<Long> lastHire = new ValueStateDescriptor<>(LAST_HIRE_STATE, Types.LONG);
        lastHire.enableTimeToLive(ttlConfig(memory));
        departedLastHire = getRuntimeContext().getState(lastHire);
    }

    /** Expiry counts from the latest write; an expired hire time is never reported. */
    static StateTtlConfig ttlConfig(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .cleanupFullSnapshot()
                .build();
    }

    @Override
    public void processElement(CareEvent event, Context ctx, Collector<CaregiverDelta> out) throws Exception {
        Caregiver before = caregiver.value();
        if (before == null) {
            Long lastHire = departedLastHire.value();
            before = new Caregiver(null, false, lastHire == null ? Long.MIN_VALUE : lastHire, null);
        }
        Caregiver after = switch (event.type()) {
            case CAREGIVER_HIRED ->
                hired(
                        before,
                        event.dataAs(CaregiverHired.class),
                        event.time().toInstant().toEpochMilli());
            case CAREGIVER_LEFT ->
                before.facilityId() != null && before.facilityId().equals(facility(event))
                        ? endShift(new Caregiver(null, false, before.hiredAt(), before.onDutyAt()), before.facilityId())
                        : before;
            case CAREGIVER_SHIFT_STARTED ->
                shiftStarted(before, facility(event), event.time().toInstant().toEpochMilli());
            case CAREGIVER_SHIFT_ENDED -> endShift(before, facility(event));
            default -> before;
        };
        emitDifference(before, after, out);
        store(after);
    }

    private static Caregiver hired(Caregiver before, CaregiverHired hire, long time) {
        if (time < before.hiredAt()) {
            return before;
        }
        Caregiver moved = new Caregiver(hire.facilityId(), hire.certified(), time, before.onDutyAt());
        return before.facilityId() != null && !before.facilityId().equals(hire.facilityId())
                ? endShift(moved, before.facilityId())
                : moved;
    }

    /** A shift started elsewhere before the caregiver's latest hire is already over: ignored. */
    private static Caregiver shiftStarted(Caregiver before, String facilityId, long time) {
        boolean stale =
                before.facilityId() != null && !before.facilityId().equals(facilityId) && time < before.hiredAt();
        return stale ? before : new Caregiver(before.facilityId(), before.certified(), before.hiredAt(), facilityId);
    }

    private static Caregiver endShift(Caregiver c, String facilityId) {
        return facilityId.equals(c.onDutyAt()) ? new Caregiver(c.facilityId(), c.certified(), c.hiredAt(), null) : c;
    }

    private static String facility(CareEvent event) {
        return event.dataAs(CaregiverChange.class).facilityId();
    }

    private static void emitDifference(Caregiver before, Caregiver after, Collector<CaregiverDelta> out) {
        if (!Objects.equals(before.facilityId(), after.facilityId()) || before.certified() != after.certified()) {
            if (before.facilityId() != null) {
                out.collect(new CaregiverDelta(before.facilityId(), -1, before.certified() ? -1 : 0, 0));
            }
            if (after.facilityId() != null) {
                out.collect(new CaregiverDelta(after.facilityId(), 1, after.certified() ? 1 : 0, 0));
            }
        }
        if (!Objects.equals(before.onDutyAt(), after.onDutyAt())) {
            if (before.onDutyAt() != null) {
                out.collect(new CaregiverDelta(before.onDutyAt(), 0, 0, -1));
            }
            if (after.onDutyAt() != null) {
                out.collect(new CaregiverDelta(after.onDutyAt(), 0, 0, 1));
            }
        }
    }

    private void store(Caregiver after) throws Exception {
        if (after.gone()) {
            caregiver.clear();
            if (after.hiredAt() != Long.MIN_VALUE) {
                departedLastHire.update(after.hiredAt());
            }
        } else {
            caregiver.update(after);
            departedLastHire.clear();
        }
    }
}
