package org.eldercare.ingest.event;

/**
 * {@code device.bound}: a terminal of the operator installed in the home of a registered person (docs/CONTRACT.md
 * §9.2). It names the person by the register's {@code personId} only: no identifier is carried in clear.
 *
 * @param districtCode where it is installed
 * @param streetCode where it is installed, inside {@code districtCode}
 * @param heartbeatSeconds the interval at which the device reports, 60 to 86,400
 */
public record DeviceBound(
        String deviceId, DeviceKind kind, String personId, String districtCode, String streetCode, int heartbeatSeconds)
        implements DeviceEvent {}
