package org.eldercare.ingest.event;

/**
 * {@code meter.reading}: a water meter's cumulative register (docs/CONTRACT.md §9.2).
 *
 * @param litres 0 to 1,000,000,000, at most 3 decimals
 */
public record MeterReading(String deviceId, double litres) implements DeviceEvent {}
