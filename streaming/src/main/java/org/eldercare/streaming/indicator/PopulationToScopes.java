package org.eldercare.streaming.indicator;

import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.PopulationUpdated;
import org.eldercare.streaming.facility.FacilityView;

/** Sends a street's new population to the street and to its district. */
public final class PopulationToScopes implements FlatMapFunction<CareEvent, ScopeUpdate> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(CareEvent event, Collector<ScopeUpdate> out) {
        PopulationUpdated p = event.dataAs(PopulationUpdated.class);
        PopulationFigure figure = new PopulationFigure(
                p.residents(), p.elderly60(), event.time().toInstant().toEpochMilli());
        out.collect(ScopeUpdate.population(p.streetCode(), p.streetCode(), figure));
        out.collect(ScopeUpdate.population(FacilityView.districtOf(p.streetCode()), p.streetCode(), figure));
    }
}
