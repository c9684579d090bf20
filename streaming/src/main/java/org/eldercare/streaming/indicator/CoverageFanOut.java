package org.eldercare.streaming.indicator;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.eldercare.streaming.coverage.CoverageChange;
import org.eldercare.streaming.coverage.CoverageShare;

/**
 * Sends a person's coverage share to their street and district, and their departure to scopes they left
 * (docs/CONTRACT.md §7.5), as {@link ScopeFanOut} does for a facility.
 */
public final class CoverageFanOut implements FlatMapFunction<CoverageChange, ScopeUpdate> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(CoverageChange change, Collector<ScopeUpdate> out) {
        String person = change.identity();
        CoverageShare before = change.before();
        CoverageShare after = change.after();
        if (before != null && (after == null || !before.streetCode().equals(after.streetCode()))) {
            out.collect(ScopeUpdate.coverage(before.streetCode(), person, null));
        }
        if (before != null && (after == null || !before.districtCode().equals(after.districtCode()))) {
            out.collect(ScopeUpdate.coverage(before.districtCode(), person, null));
        }
        if (after != null) {
            out.collect(ScopeUpdate.coverage(after.streetCode(), person, after));
            out.collect(ScopeUpdate.coverage(after.districtCode(), person, after));
        }
    }
}
