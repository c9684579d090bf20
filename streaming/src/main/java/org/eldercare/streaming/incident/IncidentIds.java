package org.eldercare.streaming.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.eldercare.search.incident.DeviceDocument;

/**
 * Deterministic incident ids (docs/CONTRACT.md §9.4): {@code inc-} and the first 24 hex digits of SHA-256 over {@code
 * rule|subject|occurrence}, so a replay, a resent event or a restore raises the same incident again, never a second.
 */
public final class IncidentIds {

    private IncidentIds() {}

    public static String of(String rule, String subject, String occurrence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((rule + "|" + subject + "|" + occurrence).getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The subject of a device's incidents: {@code <operatorId>/<deviceId>}, the device's key in the job and its
     * document id in the {@code devices} index (§9.9).
     */
    public static String device(String operatorId, String deviceId) {
        return DeviceDocument.idOf(operatorId, deviceId);
    }
}
