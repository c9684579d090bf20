package org.eldercare.api.phone;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eldercare.api.system.RequestRefusedException;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.facility.FacilitySearch;
import org.eldercare.search.facility.NearbyQuery;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public finder of docs/CONTRACT.md §10.1: no token, OPERATING facilities only, public fields only
 * ({@link PublicFacility}), smaller caps than the staff finder. Its rate limit per client address is the limits
 * package's. Parameters are read as text so that each bad one gets the contract's own message.
 */
@RestController
@RequestMapping("/api/v1/public")
class PublicFinderController {

    static final double MAX_RADIUS_KM = 20;
    static final int MAX_LIMIT = 20;
    private static final CacheControl ANSWER_CACHE =
            CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();
    private static final CacheControl REFERENCE_CACHE =
            CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final FacilitySearch facilities;
    private final Regions regions;

    PublicFinderController(FacilitySearch facilities, Regions regions) {
        this.facilities = facilities;
        this.regions = regions;
    }

    @GetMapping("/facilities/nearby")
    ResponseEntity<Map<String, List<PublicFacility>>> nearby(
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String lon,
            @RequestParam(required = false) String radiusKm,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String available,
            @RequestParam(required = false) String limit) {
        double latitude = number("lat", lat, null);
        double longitude = number("lon", lon, null);
        double radius = number("radiusKm", radiusKm, 5.0);
        int count = (int) number("limit", limit, 10.0);
        check(latitude >= -90 && latitude <= 90, "lat: must be between -90 and 90");
        check(longitude >= -180 && longitude <= 180, "lon: must be between -180 and 180");
        check(radius > 0 && radius <= MAX_RADIUS_KM, "radiusKm: must be greater than 0 and at most 20");
        check(limit == null || limit.strip().matches("\\d{1,3}"), "limit: must be between 1 and 20");
        check(count >= 1 && count <= MAX_LIMIT, "limit: must be between 1 and 20");
        check(
                available == null || available.equals("true") || available.equals("false"),
                "available: must be true or false");
        check(kind == null || kind.isBlank() || isKind(kind.strip()), "kind: must be one of " + kinds());
        NearbyQuery query = NearbyQuery.of(latitude, longitude, radius, kind, "true".equals(available), count);
        try {
            List<PublicFacility> found = facilities.nearbyOperating(query).stream()
                    .map(f -> PublicFacility.of(f, regions))
                    .toList();
            return ResponseEntity.ok().cacheControl(ANSWER_CACHE).body(Map.of("facilities", found));
        } catch (UncheckedIOException | co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw new RequestRefusedException(
                    HttpStatus.SERVICE_UNAVAILABLE, "facilities: the finder is unavailable, try again shortly");
        }
    }

    /** The places a phone without location picks from: districts with their streets' centres. */
    @GetMapping("/streets")
    ResponseEntity<Map<String, List<PublicDistrict>>> streets() {
        List<PublicDistrict> districts = regions.districts().stream()
                .filter(d -> !d.streets().isEmpty())
                .map(PublicFinderController::publicDistrict)
                .toList();
        return ResponseEntity.ok().cacheControl(REFERENCE_CACHE).body(Map.of("districts", districts));
    }

    record PublicDistrict(String code, String name, List<PublicStreet> streets) {}

    record PublicStreet(String code, String name, GeoPoint centre) {}

    private static PublicDistrict publicDistrict(District d) {
        return new PublicDistrict(
                d.code(),
                d.name(),
                d.streets().stream()
                        .filter(s -> s.centroid() != null)
                        .map(s -> new PublicStreet(s.code(), s.name(), s.centroid()))
                        .toList());
    }

    private static double number(String name, String text, Double absent) {
        if (text == null || text.isBlank()) {
            if (absent == null) {
                throw new RequestRefusedException(HttpStatus.BAD_REQUEST, name + ": is required");
            }
            return absent;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value) && text.strip().length() <= 32) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, without quoting the input
        }
        throw new RequestRefusedException(HttpStatus.BAD_REQUEST, name + ": must be a number");
    }

    private static boolean isKind(String kind) {
        return Arrays.stream(FacilityKind.values()).anyMatch(k -> k.name().equals(kind));
    }

    private static String kinds() {
        return Arrays.stream(FacilityKind.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static void check(boolean ok, String detail) {
        if (!ok) {
            throw new RequestRefusedException(HttpStatus.BAD_REQUEST, detail);
        }
    }
}
