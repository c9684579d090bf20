package org.eldercare.search.resolve;

import org.eldercare.ingest.event.GeoPoint;

/** Great-circle distance; at city scale the haversine formula is exact enough. */
public final class Distances {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private Distances() {}

    public static double km(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat()))
                        * Math.cos(Math.toRadians(b.lat()))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
