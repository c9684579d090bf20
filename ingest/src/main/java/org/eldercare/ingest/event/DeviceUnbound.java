package org.eldercare.ingest.event;

/** {@code device.unbound}: the binding ends; the device is no longer watched (docs/CONTRACT.md §9.2). */
public record DeviceUnbound(String deviceId) implements DeviceEvent {}
