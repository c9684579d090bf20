package org.eldercare.search.resolve;

import java.util.List;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.search.normalize.NormalizedRecipient;

/**
 * A {@code service.delivered} record as indexed in {@code service-records} (mapping
 * {@code mappings/service-records.json}), with the person it was resolved to. The document id is
 * {@link #documentId(String, String)}. Dates are ISO-8601 strings.
 */
public record ServiceRecordDocument(
        String recordId,
        String operatorId,
        String facilityId,
        String caregiverId,
        String serviceType,
        String startedAt,
        int durationMinutes,
        String recipientId,
        double resolutionScore,
        List<String> matchedOn,
        RecipientEvidence recipient,
        String indexedAt) {

    /**
     * The recipient of the record without raw identifiers, and with the birth year only: beside the masked ID a
     * birth date would give the whole number (docs/CONTRACT.md §6.2).
     */
    public record RecipientEvidence(
            String name,
            String idHash,
            boolean idValid,
            String idNumberMasked,
            String phoneHash,
            String phoneMasked,
            String gender,
            Integer birthYear,
            String districtCode,
            String streetCode,
            GeoPoint location) {}

    public static String documentId(String operatorId, String recordId) {
        return operatorId + ":" + recordId;
    }

    public static ServiceRecordDocument of(
            String operatorId,
            ServiceDelivered record,
            NormalizedRecipient r,
            Resolution resolution,
            String indexedAt) {
        RecipientEvidence evidence = new RecipientEvidence(
                r.name().text(),
                r.idHash(),
                r.idValid(),
                r.idNumberMasked(),
                r.phoneHash(),
                r.phoneMasked(),
                r.gender(),
                r.birthYear(),
                r.place() == null ? null : r.place().districtCode(),
                r.place() == null ? null : r.place().streetCode(),
                r.location());
        return new ServiceRecordDocument(
                record.recordId(),
                operatorId,
                record.facilityId(),
                record.caregiverId(),
                record.serviceType().name(),
                record.startedAt().toString(),
                record.durationMinutes(),
                resolution.recipientId(),
                resolution.score(),
                resolution.matchedOn(),
                evidence,
                indexedAt);
    }
}
