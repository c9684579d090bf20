package org.eldercare.streaming.indicator;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.index.IndexRegistry;
import org.eldercare.streaming.serde.StreamTypes;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * One history point per scope per minute: the scope's last indicators of each Asia/Shanghai minute
 * in which it changed, stored under {@link #id(IndicatorDocument)} ({@code code|yyyy-MM-ddTHH:mm}).
 * Keyed by scope code; the point is written when its minute ends (processing-time timer), or
 * earlier if a value of a later minute arrives first. State is cleared once written.
 */
public final class MinuteHistory extends KeyedProcessFunction<String, IndicatorDocument, IndicatorDocument> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<IndicatorDocument> latest;

    @Override
    public void open(OpenContext context) {
        latest = getRuntimeContext().getState(new ValueStateDescriptor<>("minute-latest", StreamTypes.INDICATOR));
    }

    /** The document id of a history point: the scope code and the local minute of {@code asOf}. */
    public static String id(IndicatorDocument point) {
        return IndexRegistry.INDICATOR_HISTORY.id(point);
    }

    @Override
    public void processElement(IndicatorDocument value, Context ctx, Collector<IndicatorDocument> out)
            throws Exception {
        IndicatorDocument held = latest.value();
        if (held != null && !ShanghaiTime.minute(held.asOf()).equals(ShanghaiTime.minute(value.asOf()))) {
            out.collect(held);
        }
        latest.update(value);
        ctx.timerService()
                .registerProcessingTimeTimer(
                        ShanghaiTime.nextMinute(value.asOf().toInstant().toEpochMilli()));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorDocument> out) throws Exception {
        IndicatorDocument held = latest.value();
        if (held != null && held.asOf().toInstant().toEpochMilli() < timestamp) {
            out.collect(held);
            latest.clear();
        }
    }
}
