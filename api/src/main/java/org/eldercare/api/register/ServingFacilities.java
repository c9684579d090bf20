package org.eldercare.api.register;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.facility.NearbyFacility;
import org.eldercare.search.facility.NearbyQuery;
import org.eldercare.search.register.ServiceList;

/**
 * The facilities nearest to a registered person that can deliver one of the services the person is entitled to
 * (docs/CONTRACT.md §7.4): the kinds come from the district's service list ({@code servedBy}), the places from the
 * finder, measured from the centre of the person's street because the register keeps no home location at rest.
 *
 * <p>One instance serves one worklist page: every person of a page lives in the same street, so the finder is asked
 * once per distinct set of kinds, not once per person.
 */
final class ServingFacilities {

    static final double RADIUS_KM = 5;
    static final int SHOWN = 3;
    /** Enough nearby facilities of any kind that the nearest {@value #SHOWN} of the wanted kinds are among them. */
    private static final int FETCHED = 50;

    private final FacilitySearch finder;
    private final Regions regions;
    private final Map<String, List<NearbyFacility>> asked = new HashMap<>();

    ServingFacilities(FacilitySearch finder, Regions regions) {
        this.finder = finder;
        this.regions = regions;
    }

    /** At most {@value #SHOWN} facilities within {@value #RADIUS_KM} km, nearest first; empty when none serve. */
    List<NearbyFacility> near(String districtCode, String streetCode, List<String> entitlements) {
        Set<FacilityKind> kinds = ServiceList.forDistrict(districtCode).servingKinds(entitlements);
        GeoPoint centre = regions.street(streetCode).map(Street::centroid).orElse(null);
        if (kinds.isEmpty() || centre == null) {
            return List.of();
        }
        return asked.computeIfAbsent(
                streetCode + "|" + kinds,
                key ->
                        finder
                                .nearby(new NearbyQuery(centre.lat(), centre.lon(), RADIUS_KM, null, false, FETCHED))
                                .stream()
                                .filter(f -> kinds.contains(FacilityKind.valueOf(f.kind())))
                                .limit(SHOWN)
                                .toList());
    }
}
