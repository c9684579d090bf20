package org.eldercare.streaming.indicator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.streaming.coverage.CoverageCounts;
import org.eldercare.streaming.coverage.CoverageShare;
import org.eldercare.streaming.facility.FacilityTotals;
import org.eldercare.streaming.time.ShanghaiTime;

/**
 * The live indicators of one scope (street or district code), keyed by that code. Keeps the latest
 * totals per facility, so a re-sent facility replaces its share and is never added twice, and the
 * planners' latest population per street (last-writer-wins by event time). Coverage (docs/CONTRACT.md §7.5) works
 * the same way: the latest share per person replaces the one before, and running counts keep the sum.
 *
 * <p>Writes are coalesced: a changed scope is emitted at most once per {@code coalesce} interval
 * (processing-time timer; 0 emits on every change). Every scope also re-emits at midnight
 * Asia/Shanghai so today's meals and services fall back to zero. "Now" and "today" come from the
 * timer service's processing time, which tests set.
 */
public final class ScopeAggregator extends KeyedProcessFunction<String, ScopeUpdate, IndicatorDocument> {

    private static final long serialVersionUID = 1L;

    private final long coalesceMillis;
    private transient MapState<String, FacilityTotals> facilities;
    private transient MapState<String, PopulationFigure> populations;
    private transient ValueState<Long> flushAt;
    private transient MapState<String, CoverageShare> coverageShares;
    private transient ValueState<CoverageCounts> coverageCounts;
    private transient Map<String, ScopeInfo> scopes;

    public ScopeAggregator(Duration coalesce) {
        this.coalesceMillis = coalesce.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        facilities = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "facility-totals", Types.STRING, TypeInformation.of(FacilityTotals.class)));
        populations = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "street-populations", Types.STRING, TypeInformation.of(PopulationFigure.class)));
        flushAt = getRuntimeContext().getState(new ValueStateDescriptor<>("flush-at", Types.LONG));
        coverageShares = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("coverage-shares", Types.STRING, CoverageShare.TYPE));
        coverageCounts =
                getRuntimeContext().getState(new ValueStateDescriptor<>("coverage-counts", CoverageCounts.TYPE));
        scopes = new HashMap<>();
    }

    @Override
    public void processElement(ScopeUpdate update, Context ctx, Collector<IndicatorDocument> out) throws Exception {
        switch (update.kind()) {
            case FACILITY -> facilities.put(update.facilityId(), update.totals());
            case FACILITY_LEFT -> facilities.remove(update.facilityId());
            case POPULATION -> {
                PopulationFigure held = populations.get(update.streetCode());
                if (held == null || update.population().time() >= held.time()) {
                    populations.put(update.streetCode(), update.population());
                }
            }
            case TOUCH -> {}
            case COVERAGE -> {
                CoverageShare before = coverageShares.get(update.person());
                if (update.share() == null) {
                    coverageShares.remove(update.person());
                } else {
                    coverageShares.put(update.person(), update.share());
                }
                coverageCounts.update(coverage().replace(before, update.share()));
            }
        }
        long now = ctx.timerService().currentProcessingTime();
        ctx.timerService().registerProcessingTimeTimer(ShanghaiTime.nextMidnight(now));
        if (coalesceMillis == 0) {
            out.collect(indicators(ctx.getCurrentKey(), now));
        } else if (flushAt.value() == null) {
            flushAt.update(now + coalesceMillis);
            ctx.timerService().registerProcessingTimeTimer(now + coalesceMillis);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<IndicatorDocument> out) throws Exception {
        Long pending = flushAt.value();
        if (pending != null && pending == timestamp) {
            flushAt.clear();
        } else {
            ctx.timerService().registerProcessingTimeTimer(ShanghaiTime.nextMidnight(timestamp));
        }
        out.collect(indicators(ctx.getCurrentKey(), timestamp));
    }

    private IndicatorDocument indicators(String code, long now) throws Exception {
        ScopeInfo scope = scopes.computeIfAbsent(code, c -> ScopeInfo.of(c, Regions.load()));
        Map<String, PopulationFigure> figures = new HashMap<>();
        for (Map.Entry<String, PopulationFigure> e : populations.entries()) {
            figures.put(e.getKey(), e.getValue());
        }
        return IndicatorCalculator.compute(
                scope,
                facilities.values(),
                figures,
                ShanghaiTime.epochDay(now),
                ShanghaiTime.at(now),
                coverage().coverage());
    }

    private CoverageCounts coverage() throws Exception {
        CoverageCounts counts = coverageCounts.value();
        return counts == null ? CoverageCounts.NONE : counts;
    }
}
