package org.eldercare.ingest.event;

/** A WGS-84 position in decimal degrees. */
public record GeoPoint(double lat, double lon) {}
