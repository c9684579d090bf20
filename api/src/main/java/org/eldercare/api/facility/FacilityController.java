package org.eldercare.api.facility;

import java.util.List;
import org.eldercare.api.system.NotFoundException;
import org.eldercare.search.document.FacilityDocument;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.facility.NearbyFacility;
import org.eldercare.search.facility.NearbyQuery;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The finder: nearest facilities with a free bed or an open meal table, and one facility's state. */
@RestController
@RequestMapping("/api/v1/facilities")
class FacilityController {

    private final FacilitySearch facilities;

    FacilityController(FacilitySearch facilities) {
        this.facilities = facilities;
    }

    @GetMapping("/nearby")
    List<NearbyFacility> nearby(
            @RequestParam double lat,
            @RequestParam double lon,
            @RequestParam(defaultValue = "5") double radiusKm,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Boolean available,
            @RequestParam(defaultValue = "10") int limit) {
        return facilities.nearby(NearbyQuery.of(lat, lon, radiusKm, kind, available, limit));
    }

    @GetMapping
    List<FacilityDocument> inDistrict(
            @RequestParam String districtCode, @RequestParam(defaultValue = "2000") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit: must be between 1 and 10000");
        }
        return facilities.inDistrict(districtCode, limit);
    }

    @GetMapping("/{facilityId}")
    FacilityDocument facility(@PathVariable String facilityId) {
        return facilities
                .byId(facilityId)
                .orElseThrow(() -> new NotFoundException("facility " + facilityId + ": not found"));
    }
}
