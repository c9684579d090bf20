package org.eldercare.streaming.coverage;

import java.time.LocalDate;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * One person's coverage share (docs/CONTRACT.md §7.5), keyed by identity ({@link RegisterIdentities#identity}):
 * joins the register entries filed under it with the recipients served under the same keyed ID digest.
 *
 * <ul>
 *   <li>Of several entries, the one with the latest {@code updatedAt} (then the greater {@code personId}) stands for
 *       the person: a person entered twice counts once.
 *   <li>Served: the latest service start of any recipient holding the digest falls, as an Asia/Shanghai day, within
 *       the {@value #WINDOW_DAYS} days ending today. A processing-time timer at the midnight that ends the window
 *       takes "served" away with no new event, as the register's timers do for birthdays.
 *   <li>Only a changed share is sent on, with the share it replaces, so the scopes replace rather than add: a replay
 *       or a re-sent event never counts a person twice.
 * </ul>
 */
public final class CoverageByIdentity
        extends KeyedCoProcessFunction<String, EntryUpdate, ServedUpdate, CoverageChange> {

    private static final long serialVersionUID = 1L;

    /** Days in the "served" window, today included. */
    public static final int WINDOW_DAYS = 30;

    private transient MapState<String, RegisterEntry> entries;
    private transient MapState<String, Long> lastServiceByRecipient;
    private transient ValueState<CoverageShare> share;
    private transient ValueState<Long> timer;

    @Override
    public void open(OpenContext context) {
        var runtime = getRuntimeContext();
        entries = runtime.getMapState(new MapStateDescriptor<>("register-entries", Types.STRING, RegisterEntry.TYPE));
        lastServiceByRecipient =
                runtime.getMapState(new MapStateDescriptor<>("last-service-by-recipient", Types.STRING, Types.LONG));
        share = runtime.getState(new ValueStateDescriptor<>("coverage-share", CoverageShare.TYPE));
        timer = runtime.getState(new ValueStateDescriptor<>("served-until-timer", Types.LONG));
    }

    @Override
    public void processElement1(EntryUpdate update, Context ctx, Collector<CoverageChange> out) throws Exception {
        if (update.entry() == null) {
            entries.remove(update.personId());
        } else {
            entries.put(update.personId(), update.entry());
        }
        publish(ctx.getCurrentKey(), ctx.timerService().currentProcessingTime(), ctx, out);
    }

    @Override
    public void processElement2(ServedUpdate update, Context ctx, Collector<CoverageChange> out) throws Exception {
        if (update.lastServiceAt() == null) {
            lastServiceByRecipient.remove(update.recipientId());
        } else {
            lastServiceByRecipient.put(update.recipientId(), update.lastServiceAt());
        }
        publish(ctx.getCurrentKey(), ctx.timerService().currentProcessingTime(), ctx, out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CoverageChange> out) throws Exception {
        timer.clear();
        // A timer restored late fires late: judge by the clock, never by an earlier day.
        publish(ctx.getCurrentKey(), Math.max(timestamp, ctx.timerService().currentProcessingTime()), ctx, out);
    }

    /** The share as of the day of {@code now}, sent on when it changed; the timer set to when it next may. */
    private void publish(String identity, long now, Context ctx, Collector<CoverageChange> out) throws Exception {
        RegisterEntry standing = null;
        for (RegisterEntry e : entries.values()) {
            if (standing == null
                    || e.updatedAt() > standing.updatedAt()
                    || e.updatedAt() == standing.updatedAt() && e.personId().compareTo(standing.personId()) > 0) {
                standing = e;
            }
        }
        Long lastDay = null;
        for (Long at : lastServiceByRecipient.values()) {
            long day = ShanghaiTime.epochDay(at);
            lastDay = lastDay == null ? day : Math.max(lastDay, day);
        }
        // The first instant the latest service no longer counts: midnight Asia/Shanghai starting day D + 30, so a
        // service on day D counts on days D to D + 29. "Served" and its timer come from this one value.
        Long servedUntil = lastDay == null
                ? null
                : LocalDate.ofEpochDay(lastDay + WINDOW_DAYS)
                        .atStartOfDay(ShanghaiTime.ZONE)
                        .toInstant()
                        .toEpochMilli();
        boolean served = servedUntil != null && now < servedUntil;
        CoverageShare next = standing == null
                ? null
                : new CoverageShare(standing.streetCode(), standing.districtCode(), standing.labels(), served);
        CoverageShare before = share.value();
        if (!Objects.equals(before, next)) {
            out.collect(new CoverageChange(identity, before, next));
            if (next == null) {
                share.clear();
            } else {
                share.update(next);
            }
        }

        Long scheduled = timer.value();
        Long wanted = served && standing != null ? servedUntil : null;
        if (scheduled != null && !scheduled.equals(wanted)) {
            ctx.timerService().deleteProcessingTimeTimer(scheduled);
        }
        if (wanted != null && !wanted.equals(scheduled)) {
            ctx.timerService().registerProcessingTimeTimer(wanted);
        }
        if (wanted == null) {
            timer.clear();
        } else {
            timer.update(wanted);
        }
    }
}
