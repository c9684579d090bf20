package org.eldercare.streaming.alert;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;

/**
 * {@code BINDING_TARGET_MISSED} for a district while any of its binding (约束性) plan targets is not
 * met, keyed by scope code. One alert per district lists the missed targets; it is rewritten only
 * when that list changes, and cleared once every binding target is met.
 */
public final class TargetAlerts extends KeyedProcessFunction<String, IndicatorDocument, AlertDocument> {

    private static final long serialVersionUID = 1L;

    private transient ValueState<String> missed;
    private transient ValueState<Long> since;

    @Override
    public void open(OpenContext context) {
        missed = getRuntimeContext().getState(new ValueStateDescriptor<>("missed-targets", Types.STRING));
        since = getRuntimeContext().getState(new ValueStateDescriptor<>("missed-since", Types.LONG));
    }

    @Override
    public void processElement(IndicatorDocument doc, Context ctx, Collector<AlertDocument> out) throws Exception {
        String nowMissed = doc.targets().stream()
                .filter(t -> t.binding() && Boolean.FALSE.equals(t.met()))
                .map(TargetAlerts::describe)
                .collect(Collectors.joining(", "));
        String before = missed.value();
        long now = ctx.timerService().currentProcessingTime();
        if (!nowMissed.isEmpty() && !nowMissed.equals(before)) {
            long from = since.value() == null ? now : since.value();
            since.update(from);
            missed.update(nowMissed);
            out.collect(Alerts.raised(
                    AlertDocument.BINDING_TARGET_MISSED,
                    doc.code(),
                    doc.code(),
                    message(doc, nowMissed),
                    Map.of("name", doc.name(), "missed", missedParam(doc)),
                    from,
                    now));
        } else if (nowMissed.isEmpty() && before != null) {
            out.collect(Alerts.cleared(
                    AlertDocument.BINDING_TARGET_MISSED,
                    doc.code(),
                    doc.code(),
                    doc.name() + " meets every binding target",
                    Map.of("name", doc.name(), "missed", ""),
                    since.value(),
                    now));
            missed.clear();
            since.clear();
        }
    }

    private static String describe(TargetStatus t) {
        return t.indicator() + " (target " + t.comparator() + " " + number(t.target()) + ")";
    }

    /** {@code <indicator>:<comparator>:<target>,…} of the missed binding targets (docs/CONTRACT.md §8.4). */
    private static String missedParam(IndicatorDocument doc) {
        return doc.targets().stream()
                .filter(t -> t.binding() && Boolean.FALSE.equals(t.met()))
                .map(t -> t.indicator() + ":" + t.comparator() + ":" + number(t.target()))
                .collect(Collectors.joining(","));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String message(IndicatorDocument doc, String missed) {
        return doc.name() + " misses binding targets: " + missed;
    }
}
