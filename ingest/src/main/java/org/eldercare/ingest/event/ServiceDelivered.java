package org.eldercare.ingest.event;

import java.time.OffsetDateTime;

/**
 * Data of {@code service.delivered}; {@code caregiverId} may be null. {@code recipient} is raw as received, sealed
 * once accepted (docs/CONTRACT.md §6.7).
 */
public record ServiceDelivered(
        String recordId,
        String facilityId,
        String caregiverId,
        ServiceType serviceType,
        OffsetDateTime startedAt,
        int durationMinutes,
        RecipientData recipient)
        implements EventData {
    @Override
    public String partitionKey() {
        return facilityId;
    }
}
