package org.eldercare.streaming.indicator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.PlanTarget;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.document.IndicatorDocument;

/**
 * What the reference data says of one scope: its name and level, census residents and 60+ (null
 * when unknown), its plan targets (districts only), and the census figures of its streets, against
 * which a planner's newer street figures are applied as deltas.
 */
public record ScopeInfo(
        String code,
        String name,
        String level,
        Long residents,
        Long elderly60,
        List<PlanTarget> targets,
        Map<String, Street> streets) {

    /** The scope with this code; an unknown code gets a bare street or district with no figures. */
    public static ScopeInfo of(String code, Regions regions) {
        if (code.length() == 6) {
            return regions.district(code)
                    .map(ScopeInfo::district)
                    .orElseGet(() -> unknown(code, IndicatorDocument.DISTRICT));
        }
        return regions.street(code).map(ScopeInfo::street).orElseGet(() -> unknown(code, IndicatorDocument.STREET));
    }

    static ScopeInfo district(District d) {
        Map<String, Street> streets = new HashMap<>();
        d.streets().forEach(s -> streets.put(s.code(), s));
        return new ScopeInfo(
                d.code(),
                d.name(),
                IndicatorDocument.DISTRICT,
                d.residents(),
                d.elderly60(),
                d.targets(),
                Map.copyOf(streets));
    }

    static ScopeInfo street(Street s) {
        return new ScopeInfo(
                s.code(),
                s.name(),
                IndicatorDocument.STREET,
                s.residents(),
                s.elderly60(),
                List.of(),
                Map.of(s.code(), s));
    }

    private static ScopeInfo unknown(String code, String level) {
        return new ScopeInfo(code, code, level, null, null, List.of(), Map.of());
    }

    /** Every scope of the reference data: each district, then each street. */
    public static List<String> allCodes(Regions regions) {
        return regions.districts().stream()
                .flatMap(d ->
                        Stream.concat(Stream.of(d.code()), d.streets().stream().map(Street::code)))
                .toList();
    }
}
