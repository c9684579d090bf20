package org.eldercare.streaming.alert;

import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.search.document.AlertDocument;

/**
 * {@code REJECT_SPIKE} when one operator has more than {@code threshold} events rejected within a
 * processing-time minute, keyed by operator id. Raised as soon as the count passes the threshold;
 * cleared at the end of the first later minute that stays at or below it. State is cleared then.
 */
public final class RejectSpikeAlerts extends KeyedProcessFunction<String, Rejection, AlertDocument> {

    private static final long serialVersionUID = 1L;
    private static final long MINUTE = 60_000L;

    private final int threshold;
    private transient ValueState<Long> minuteEnd;
    private transient ValueState<Integer> count;
    private transient ValueState<Long> since;

    public RejectSpikeAlerts(int threshold) {
        this.threshold = threshold;
    }

    @Override
    public void open(OpenContext context) {
        minuteEnd = getRuntimeContext().getState(new ValueStateDescriptor<>("minute-end", Types.LONG));
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("rejects-this-minute", Types.INT));
        since = getRuntimeContext().getState(new ValueStateDescriptor<>("spike-since", Types.LONG));
    }

    @Override
    public void processElement(Rejection rejection, Context ctx, Collector<AlertDocument> out) throws Exception {
        long now = ctx.timerService().currentProcessingTime();
        if (minuteEnd.value() == null) {
            long end = Math.floorDiv(now, MINUTE) * MINUTE + MINUTE;
            minuteEnd.update(end);
            ctx.timerService().registerProcessingTimeTimer(end);
        }
        int n = count.value() == null ? 1 : count.value() + 1;
        count.update(n);
        if (n > threshold && since.value() == null) {
            since.update(now);
            out.collect(Alerts.raised(
                    AlertDocument.REJECT_SPIKE,
                    ctx.getCurrentKey(),
                    null,
                    message(ctx.getCurrentKey(), n),
                    params(ctx.getCurrentKey(), n),
                    now,
                    now));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AlertDocument> out) throws Exception {
        int n = count.value() == null ? 0 : count.value();
        Long raised = since.value();
        count.clear();
        if (raised != null && n > threshold) {
            minuteEnd.update(timestamp + MINUTE);
            ctx.timerService().registerProcessingTimeTimer(timestamp + MINUTE);
            return;
        }
        minuteEnd.clear();
        if (raised != null) {
            since.clear();
            out.collect(Alerts.cleared(
                    AlertDocument.REJECT_SPIKE,
                    ctx.getCurrentKey(),
                    null,
                    message(ctx.getCurrentKey(), n),
                    params(ctx.getCurrentKey(), n),
                    raised,
                    timestamp));
        }
    }

    private Map<String, String> params(String operator, int n) {
        return Map.of(
                "operatorId", operator, "rejected", Integer.toString(n), "threshold", Integer.toString(threshold));
    }

    private String message(String operator, int n) {
        return "operator " + operator + " had " + n + " events rejected in a minute (threshold " + threshold + ")";
    }
}
