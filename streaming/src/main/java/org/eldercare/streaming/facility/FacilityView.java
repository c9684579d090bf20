package org.eldercare.streaming.facility;

import java.time.Duration;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.streaming.caregiver.CaregiverDelta;

/**
 * Joins the ledger's snapshot of a facility with its caregiver counts, keyed by facility id, and
 * emits the facility's {@link FacilityContribution} at most once per {@code coalesce} interval (a
 * processing-time timer; 0 emits on every change). Remembers the street and district it was last
 * emitted under, so a facility that moves is taken out of its old scopes.
 */
public final class FacilityView
        extends KeyedCoProcessFunction<String, FacilitySnapshot, CaregiverDelta, FacilityContribution> {

    private static final long serialVersionUID = 1L;

    private final long coalesceMillis;
    private transient ValueState<FacilitySnapshot> snapshot;
    private transient ValueState<CaregiverCounts> counts;
    private transient ValueState<String> emittedStreet;
    private transient ValueState<Long> flushAt;

    public FacilityView(Duration coalesce) {
        this.coalesceMillis = coalesce.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        snapshot = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("snapshot", TypeInformation.of(FacilitySnapshot.class)));
        counts = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("caregiver-counts", TypeInformation.of(CaregiverCounts.class)));
        emittedStreet = getRuntimeContext().getState(new ValueStateDescriptor<>("emitted-street", Types.STRING));
        flushAt = getRuntimeContext().getState(new ValueStateDescriptor<>("flush-at", Types.LONG));
    }

    @Override
    public void processElement1(FacilitySnapshot value, Context ctx, Collector<FacilityContribution> out)
            throws Exception {
        snapshot.update(value);
        changed(ctx.timerService().currentProcessingTime(), ctx, out);
    }

    @Override
    public void processElement2(CaregiverDelta delta, Context ctx, Collector<FacilityContribution> out)
            throws Exception {
        CaregiverCounts current = counts.value();
        counts.update((current == null ? CaregiverCounts.NONE : current).plus(delta));
        changed(ctx.timerService().currentProcessingTime(), ctx, out);
    }

    private void changed(long now, Context ctx, Collector<FacilityContribution> out) throws Exception {
        if (coalesceMillis == 0) {
            emit(now, out);
        } else if (flushAt.value() == null) {
            flushAt.update(now + coalesceMillis);
            ctx.timerService().registerProcessingTimeTimer(now + coalesceMillis);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<FacilityContribution> out) throws Exception {
        flushAt.clear();
        emit(timestamp, out);
    }

    private void emit(long now, Collector<FacilityContribution> out) throws Exception {
        FacilitySnapshot facility = snapshot.value();
        if (facility == null) {
            return; // caregiver counts before the registration reached us: emitted with it
        }
        CaregiverCounts caregivers = counts.value();
        String previous = emittedStreet.value();
        boolean moved = previous != null && !previous.equals(facility.streetCode());
        String previousDistrict = moved ? districtOf(previous) : null;
        out.collect(new FacilityContribution(
                facility,
                caregivers == null ? CaregiverCounts.NONE : caregivers,
                moved ? previous : null,
                Objects.equals(previousDistrict, facility.districtCode()) ? null : previousDistrict,
                now));
        emittedStreet.update(facility.streetCode());
    }

    /** A 9-digit street code begins with its 6-digit district code (NBS 统计用区划代码). */
    public static String districtOf(String streetCode) {
        return streetCode.substring(0, 6);
    }
}
