package org.eldercare.api.region;

import java.util.List;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/regions}: the reference data (docs/CONTRACT.md §3). */
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

    private final List<RegionView> regions;

    RegionController(Regions regions) {
        this.regions = regions.districts().stream().map(RegionView::of).toList();
    }

    @GetMapping
    List<RegionView> regions() {
        return regions;
    }

    /** A district with its streets; a street has the same fields and no nested streets. */
    record RegionView(
            String code,
            String name,
            long residents,
            long elderly60,
            Boolean estimate,
            GeoPoint centroid,
            List<RegionView> streets) {

        static RegionView of(District d) {
            return new RegionView(
                    d.code(),
                    d.name(),
                    d.residents(),
                    d.elderly60(),
                    null,
                    null,
                    d.streets().stream().map(RegionView::of).toList());
        }

        static RegionView of(Street s) {
            return new RegionView(s.code(), s.name(), s.residents(), s.elderly60(), s.estimate(), s.centroid(), null);
        }
    }
}
