package org.eldercare.streaming.indicator;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.eldercare.streaming.facility.FacilityContribution;
import org.eldercare.streaming.facility.FacilityTotals;

/** Sends a facility's totals to its street and its district, and its departure to scopes it left. */
public final class ScopeFanOut implements FlatMapFunction<FacilityContribution, ScopeUpdate> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(FacilityContribution c, Collector<ScopeUpdate> out) {
        String id = c.facilityId();
        FacilityTotals totals = c.totals();
        if (c.previousStreetCode() != null) {
            out.collect(ScopeUpdate.facilityLeft(c.previousStreetCode(), id));
        }
        if (c.previousDistrictCode() != null) {
            out.collect(ScopeUpdate.facilityLeft(c.previousDistrictCode(), id));
        }
        out.collect(ScopeUpdate.facility(c.facility().streetCode(), id, totals));
        out.collect(ScopeUpdate.facility(c.facility().districtCode(), id, totals));
    }
}
