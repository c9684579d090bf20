package org.eldercare.api.phone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eldercare.ingest.event.FacilityKind;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.facility.NearbyFacility;

/**
 * One facility as the public finder shows it (docs/CONTRACT.md §10.1): only what is on the facility's door. No
 * facility id, operator, occupied beds, caregivers or status: this record is the whole of what leaves the platform
 * without a token, so a field added to the staff finder never leaks here by accident.
 *
 * @param freeBeds null for a meal table, which has no beds
 * @param mealTableOpen true for a meal table, or a facility with meal seats (only OPERATING facilities are listed)
 * @param directionsUrl a walking route on AMap from wherever the phone is
 */
public record PublicFacility(
        String name,
        String kind,
        String districtName,
        String streetName,
        GeoPoint location,
        double distanceKm,
        Integer freeBeds,
        boolean mealTableOpen,
        int mealSeats,
        String directionsUrl) {

    static final String AMAP_NAVIGATION = "https://uri.amap.com/navigation";

    static PublicFacility of(NearbyFacility f, Regions regions) {
        boolean mealTable = FacilityKind.MEAL_TABLE.name().equals(f.kind());
        return new PublicFacility(
                f.name(),
                f.kind(),
                regions.district(f.districtCode()).map(d -> d.name()).orElse(null),
                regions.street(f.streetCode()).map(s -> s.name()).orElse(null),
                f.location(),
                f.distanceKm(),
                mealTable ? null : f.freeBeds(),
                mealTable || f.mealSeats() > 0,
                f.mealSeats(),
                directions(f.location(), f.name()));
    }

    /** AMap's URI API: {@code coordinate=wgs84} because the platform's locations are GPS (WGS-84) points. */
    static String directions(GeoPoint at, String name) {
        return AMAP_NAVIGATION + "?to=" + coordinate(at.lon()) + "," + coordinate(at.lat()) + ","
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                + "&mode=walk&coordinate=wgs84&callnative=1";
    }

    private static String coordinate(double degrees) {
        return String.format(Locale.ROOT, "%.6f", degrees);
    }
}
