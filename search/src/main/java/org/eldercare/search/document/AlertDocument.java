package org.eldercare.search.document;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An alert as stored in the {@code alerts} index. The id is deterministic ({@code type:scope}) so a
 * replay or a repeated condition updates one document; {@code active=false} once it clears. {@code message} is
 * English; {@code params} holds the alert's facts as strings, per type, so a client writes the alert in its own
 * language (docs/CONTRACT.md §8.4); empty for an alert written before them.
 */
public record AlertDocument(
        String id,
        String type,
        String scope,
        String districtCode,
        String message,
        boolean active,
        OffsetDateTime since,
        OffsetDateTime updatedAt,
        Map<String, String> params) {

    public AlertDocument {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** An alert without params. */
    public AlertDocument(
            String id,
            String type,
            String scope,
            String districtCode,
            String message,
            boolean active,
            OffsetDateTime since,
            OffsetDateTime updatedAt) {
        this(id, type, scope, districtCode, message, active, since, updatedAt, Map.of());
    }

    public static final String HIGH_OCCUPANCY = "HIGH_OCCUPANCY";
    public static final String BINDING_TARGET_MISSED = "BINDING_TARGET_MISSED";
    public static final String FACILITY_SILENT = "FACILITY_SILENT";
    public static final String REJECT_SPIKE = "REJECT_SPIKE";
}
