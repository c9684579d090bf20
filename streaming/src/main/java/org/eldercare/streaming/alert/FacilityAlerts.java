package org.eldercare.streaming.alert;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.streaming.facility.FacilityContribution;
import org.eldercare.streaming.facility.FacilitySnapshot;

/**
 * Per-facility alerts, keyed by facility id: {@code HIGH_OCCUPANCY} while an operating facility has
 * 95% or more of its beds occupied, and {@code FACILITY_SILENT} when an operating facility has sent
 * nothing for {@code silence} (one processing-time timer per facility, moved forward lazily). Each
 * alert is written when raised and again, inactive, when its condition ends.
 */
public final class FacilityAlerts extends KeyedProcessFunction<String, FacilityContribution, AlertDocument> {

    private static final long serialVersionUID = 1L;
    static final double HIGH_OCCUPANCY = 0.95;

    private final long silenceMillis;
    private transient ValueState<FacilitySnapshot> facility;
    private transient ValueState<Long> lastSeen;
    private transient ValueState<Long> silenceCheckAt;
    private transient ValueState<Long> highSince;
    private transient ValueState<Long> silentSince;

    public FacilityAlerts(Duration silence) {
        this.silenceMillis = silence.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        facility = getRuntimeContext()
                .getState(new ValueStateDescriptor<>("alert-facility", TypeInformation.of(FacilitySnapshot.class)));
        lastSeen = getRuntimeContext().getState(new ValueStateDescriptor<>("last-seen", Types.LONG));
        silenceCheckAt = getRuntimeContext().getState(new ValueStateDescriptor<>("silence-check-at", Types.LONG));
        highSince = getRuntimeContext().getState(new ValueStateDescriptor<>("high-occupancy-since", Types.LONG));
        silentSince = getRuntimeContext().getState(new ValueStateDescriptor<>("silent-since", Types.LONG));
    }

    @Override
    public void processElement(FacilityContribution c, Context ctx, Collector<AlertDocument> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        FacilitySnapshot f = c.facility();
        facility.update(f);
        lastSeen.update(now);
        Long silent = silentSince.value();
        if (silent != null) {
            out.collect(Alerts.cleared(
                    AlertDocument.FACILITY_SILENT,
                    f.facilityId(),
                    f.districtCode(),
                    silentMessage(f),
                    silentParams(f),
                    silent,
                    now));
            silentSince.clear();
        }
        if (silenceMillis > 0 && silenceCheckAt.value() == null) {
            silenceCheckAt.update(now + silenceMillis);
            ctx.timerService().registerProcessingTimeTimer(now + silenceMillis);
        }
        boolean high = f.operating() && f.beds() > 0 && f.occupiedBeds() >= HIGH_OCCUPANCY * f.beds();
        Long since = highSince.value();
        if (high && since == null) {
            highSince.update(now);
            out.collect(Alerts.raised(
                    AlertDocument.HIGH_OCCUPANCY,
                    f.facilityId(),
                    f.districtCode(),
                    occupancyMessage(f),
                    occupancyParams(f),
                    now,
                    now));
        } else if (!high && since != null) {
            highSince.clear();
            out.collect(Alerts.cleared(
                    AlertDocument.HIGH_OCCUPANCY,
                    f.facilityId(),
                    f.districtCode(),
                    occupancyMessage(f),
                    occupancyParams(f),
                    since,
                    now));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertDocument> out) throws Exception {
        long quietSince = lastSeen.value();
        if (timestamp - quietSince < silenceMillis) {
            silenceCheckAt.update(quietSince + silenceMillis);
            ctx.timerService().registerProcessingTimeTimer(quietSince + silenceMillis);
            return;
        }
        silenceCheckAt.clear();
        FacilitySnapshot f = facility.value();
        if (f.operating()) {
            silentSince.update(quietSince);
            out.collect(Alerts.raised(
                    AlertDocument.FACILITY_SILENT,
                    f.facilityId(),
                    f.districtCode(),
                    silentMessage(f),
                    silentParams(f),
                    quietSince,
                    timestamp));
        }
    }

    private static Map<String, String> occupancyParams(FacilitySnapshot f) {
        return Map.of(
                "facilityId", f.facilityId(),
                "name", String.valueOf(f.name()),
                "occupiedBeds", Integer.toString(f.occupiedBeds()),
                "beds", Integer.toString(f.beds()));
    }

    private Map<String, String> silentParams(FacilitySnapshot f) {
        return Map.of(
                "facilityId",
                f.facilityId(),
                "name",
                String.valueOf(f.name()),
                "minutes",
                Long.toString(Duration.ofMillis(silenceMillis).toMinutes()));
    }

    private static String occupancyMessage(FacilitySnapshot f) {
        return f.name() + " (" + f.facilityId() + ") has " + f.occupiedBeds() + " of " + f.beds() + " beds occupied";
    }

    private String silentMessage(FacilitySnapshot f) {
        return f.name() + " (" + f.facilityId() + ") has sent no events for over "
                + Duration.ofMillis(silenceMillis).toMinutes() + " minutes";
    }
}
