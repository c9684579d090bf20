package org.eldercare.search.document;

import java.time.OffsetDateTime;

/**
 * An alert as stored in the {@code alerts} index. The id is deterministic ({@code type:scope}) so a
 * replay or a repeated condition updates one document; {@code active=false} once it clears.
 */
public record AlertDocument(
        String id,
        String type,
        String scope,
        String districtCode,
        String message,
        boolean active,
        OffsetDateTime since,
        OffsetDateTime updatedAt) {

    public static final String HIGH_OCCUPANCY = "HIGH_OCCUPANCY";
    public static final String BINDING_TARGET_MISSED = "BINDING_TARGET_MISSED";
    public static final String FACILITY_SILENT = "FACILITY_SILENT";
    public static final String REJECT_SPIKE = "REJECT_SPIKE";
}
