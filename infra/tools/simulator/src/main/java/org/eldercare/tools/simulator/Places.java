package org.eldercare.tools.simulator;

import java.util.SplittableRandom;
import org.eldercare.ingest.event.GeoPoint;

/** Positions scattered around a street centroid, kept inside the Beijing box of docs/CONTRACT.md §1. */
final class Places {

    private static final double LAT_MIN = 39.45;
    private static final double LAT_MAX = 41.05;
    private static final double LON_MIN = 115.45;
    private static final double LON_MAX = 117.55;

    private Places() {}

    /** Within about {@code spreadDegrees} of {@code centre}, rounded to 6 decimals (~0.1 m). */
    static GeoPoint near(GeoPoint centre, double spreadDegrees, SplittableRandom random) {
        double lat = clamp(centre.lat() + (random.nextDouble() * 2 - 1) * spreadDegrees, LAT_MIN, LAT_MAX);
        double lon = clamp(centre.lon() + (random.nextDouble() * 2 - 1) * spreadDegrees, LON_MIN, LON_MAX);
        return new GeoPoint(round(lat), round(lon));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
