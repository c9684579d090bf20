package org.eldercare.api.workorder;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.RequestType;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.facility.NearbyFacility;
import org.eldercare.search.facility.NearbyQuery;
import org.eldercare.search.workorder.ServedBy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a work order can go (docs/CONTRACT.md §10.2): the nearest OPERATING facilities, within {@value #RADIUS_KM} km,
 * of a kind that serves the request type ({@link ServedBy}, data), found with the finder. The hotline dispatches to the
 * first unless the person asks otherwise.
 */
@RestController
@RequestMapping("/api/v1/workorders")
class DispatchOptionsController {

    static final double RADIUS_KM = 20;
    static final int SHOWN = 5;
    /** Enough facilities of any kind that the nearest {@value #SHOWN} of the serving kinds are among them. */
    private static final int FETCHED = 100;

    private final FacilitySearch facilities;
    private final ServedBy servedBy = ServedBy.standard();

    DispatchOptionsController(FacilitySearch facilities) {
        this.facilities = facilities;
    }

    @GetMapping("/dispatch-options")
    List<NearbyFacility> dispatchOptions(
            @RequestParam String requestType, @RequestParam double lat, @RequestParam double lon) {
        Set<FacilityKind> kinds = servedBy.kindsFor(requestType(requestType));
        return facilities.nearbyOperating(new NearbyQuery(lat, lon, RADIUS_KM, null, false, FETCHED)).stream()
                .filter(f -> kinds.contains(FacilityKind.valueOf(f.kind())))
                .limit(SHOWN)
                .toList();
    }

    static RequestType requestType(String name) {
        try {
            return RequestType.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("requestType: must be one of "
                    + Arrays.stream(RequestType.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
