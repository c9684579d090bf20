package org.eldercare.ingest.region;

import org.eldercare.ingest.event.GeoPoint;

/**
 * A street-level unit (街道, 地区, 镇, or a statistical zone) identified by its 9-digit NBS code.
 *
 * <p>{@code estimate} is true when {@code residents} and {@code elderly60} are model values rather than census
 * data; {@code centroid} is an approximate location, good for maps and nearest-street guesses, not for geofencing.
 */
public record Street(
        String code,
        String name,
        String districtCode,
        long residents,
        long elderly60,
        boolean estimate,
        GeoPoint centroid) {}
