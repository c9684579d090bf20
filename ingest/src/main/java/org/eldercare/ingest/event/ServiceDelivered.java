package org.eldercare.ingest.event;

import java.time.OffsetDateTime;

/** Data of {@code service.delivered}; {@code caregiverId} may be null. */
public record ServiceDelivered(
        String recordId,
        String facilityId,
        String caregiverId,
        ServiceType serviceType,
        OffsetDateTime startedAt,
        int durationMinutes,
        Recipient recipient)
        implements EventData {
    @Override
    public String partitionKey() {
        return facilityId;
    }
}
