package org.eldercare.ingest.event;

import java.time.OffsetDateTime;

/**
 * Data of {@code service.delivered}; {@code caregiverId} may be null. {@code recipient} is raw as received, sealed
 * once accepted (docs/CONTRACT.md §6.7). {@code workOrderId}, null when absent, names the work order the record closes
 * (§10.2).
 */
public record ServiceDelivered(
        String recordId,
        String facilityId,
        String caregiverId,
        ServiceType serviceType,
        OffsetDateTime startedAt,
        int durationMinutes,
        RecipientData recipient,
        String workOrderId)
        implements EventData {

    /** A record that closes no work order. */
    public ServiceDelivered(
            String recordId,
            String facilityId,
            String caregiverId,
            ServiceType serviceType,
            OffsetDateTime startedAt,
            int durationMinutes,
            RecipientData recipient) {
        this(recordId, facilityId, caregiverId, serviceType, startedAt, durationMinutes, recipient, null);
    }

    /** The same record with its recipient replaced, e.g. sealed (docs/CONTRACT.md §6.7). */
    public ServiceDelivered withRecipient(RecipientData sealed) {
        return new ServiceDelivered(
                recordId, facilityId, caregiverId, serviceType, startedAt, durationMinutes, sealed, workOrderId);
    }

    @Override
    public String partitionKey() {
        return facilityId;
    }
}
