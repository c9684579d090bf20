package org.eldercare.search.facility;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.eldercare.ingest.event.FacilityKind;

/**
 * The portal's "nearest facility" question (docs/CONTRACT.md §3): a point, a radius, optionally one kind
 * and {@code available=true} (OPERATING with a free bed; for MEAL_TABLE, OPERATING). Invalid input
 * fails with a message naming the parameter and the rule.
 */
public record NearbyQuery(double lat, double lon, double radiusKm, FacilityKind kind, boolean available, int limit) {

    public static final double MAX_RADIUS_KM = 200;
    public static final int MAX_LIMIT = 100;

    public NearbyQuery {
        check(lat >= -90 && lat <= 90, "lat: must be between -90 and 90");
        check(lon >= -180 && lon <= 180, "lon: must be between -180 and 180");
        check(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM, "radiusKm: must be greater than 0 and at most 200");
        check(limit >= 1 && limit <= MAX_LIMIT, "limit: must be between 1 and 100");
    }

    /** Builds the query from request parameters; a null {@code kind} or {@code available} means any. */
    public static NearbyQuery of(double lat, double lon, double radiusKm, String kind, Boolean available, int limit) {
        return new NearbyQuery(lat, lon, radiusKm, kindOf(kind), Boolean.TRUE.equals(available), limit);
    }

    private static FacilityKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return FacilityKind.valueOf(kind.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind: must be one of "
                    + Arrays.stream(FacilityKind.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
