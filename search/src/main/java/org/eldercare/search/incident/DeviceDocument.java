package org.eldercare.search.incident;

import java.time.OffsetDateTime;

/**
 * One terminal's binding and its status, as the job writes it to the {@code devices} index (docs/CONTRACT.md §9.9)
 * under {@link #id()}, {@code <operatorId>/<deviceId>}: at a binding, an unbinding, the start and the end of a silence,
 * never for a signal that changes nothing. It names the person by the register's {@code personId} only; it holds no
 * name, ID number, phone or location of anyone. Times carry the +08:00 offset.
 *
 * @param deviceKind {@code SOS_BUTTON}, {@code SMART_WATCH}, {@code WATER_METER} or {@code DOOR_SENSOR}
 * @param status {@link #ONLINE}, {@link #SILENT} or {@link #UNBOUND}
 * @param statusSince when the status began: the binding, the silence's deadline, the first signal after it, the
 *     unbinding
 * @param boundAt the {@code time} of the binding that stands (for {@link #UNBOUND}, of the binding it ended)
 * @param lastSignalAt the last signal (or the binding) as the job knew it when it wrote this document; not kept current
 *     between writes
 * @param unboundAt for {@link #UNBOUND} only, else null: the {@code time} of the {@code device.unbound} that ended the
 *     binding, taken from the event so a replay writes the same document; the retention of {@code devices} (§6.8)
 *     ages an unbound document by it
 */
public record DeviceDocument(
        String id,
        String operatorId,
        String deviceId,
        String deviceKind,
        String personId,
        String districtCode,
        String streetCode,
        int heartbeatSeconds,
        String status,
        OffsetDateTime statusSince,
        OffsetDateTime boundAt,
        OffsetDateTime lastSignalAt,
        OffsetDateTime unboundAt) {

    /** Bound and signalling. */
    public static final String ONLINE = "ONLINE";
    /** Bound, and its silence raised a {@code DEVICE_SILENT} incident (§9.4) with no signal since. */
    public static final String SILENT = "SILENT";
    /** Its last binding was ended by {@code device.unbound}. */
    public static final String UNBOUND = "UNBOUND";

    /** The document id of a device: {@code <operatorId>/<deviceId>}, its subject in incident ids (§9.4). */
    public static String idOf(String operatorId, String deviceId) {
        return operatorId + "/" + deviceId;
    }
}
