package org.eldercare.ingest.event;

/**
 * {@code device.sos}: someone pressed for help (docs/CONTRACT.md §9.2).
 *
 * @param location where the device was, when it knows; null for a fixed button
 * @param accuracyMeters 1 to 10,000, only with a location; else null
 */
public record DeviceSos(String deviceId, GeoPoint location, Integer accuracyMeters) implements DeviceEvent {}
