package org.eldercare.ingest.event;

/**
 * {@code device.heartbeat}: the device is alive (docs/CONTRACT.md §9.2).
 *
 * @param batteryPercent 0 to 100, or null when the device does not say
 */
public record DeviceHeartbeat(String deviceId, Integer batteryPercent) implements DeviceEvent {}
