package org.eldercare.streaming.recipient;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.EventType;
import org.eldercare.ingest.event.ServiceDelivered;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.RecipientNormalizer;
import org.eldercare.search.normalize.RecipientTokeniser;
import org.eldercare.search.resolve.BlockingKeys;
import org.eldercare.search.resolve.RecipientProfile;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.serde.ImmutableTypeInfo;

/**
 * An event on its way to the one {@link ResolveRecipients} instance. A {@code service.delivered} record arrives
 * prepared by {@link PrepareRecipients}: its recipient opened, normalised and digested, and its blocking keys worked
 * out, so the resolver only looks up, scores and merges. A review event, or a record nobody prepared ({@code
 * recipient} null), goes as it came; the resolver prepares such a record itself.
 *
 * <p>Holds what the resolver keeps anyway (digests, masks, birth year, names, places: docs/CONTRACT.md §6.7) and the
 * event with its sealed recipient; never a raw ID number, phone or birth date, as records between operators are
 * checkpointed in flight when checkpoints are unaligned.
 *
 * @param recipient the normalised recipient without its birth date ({@link NormalizedRecipient#withoutBirthDate()});
 *     null when not prepared
 * @param blockingKeys {@code BlockingKeys.of(RecipientProfile.of(recipient))}, in that order; empty when not prepared
 */
public record PreparedRecord(CareEvent event, NormalizedRecipient recipient, List<String> blockingKeys) {

    public static final TypeInformation<PreparedRecord> TYPE =
            new ImmutableTypeInfo<>(PreparedRecord.class, PreparedRecordSerializer.INSTANCE);

    public PreparedRecord {
        blockingKeys = blockingKeys == null ? List.of() : List.copyOf(blockingKeys);
        if (recipient != null && recipient.birthDate() != null) {
            throw new IllegalArgumentException("recipient: a prepared record holds no birth date in clear (§6.7)");
        }
    }

    /** {@code event} as it came: a review event, or a record the resolver prepares itself. */
    public static PreparedRecord of(CareEvent event) {
        return new PreparedRecord(event, null, List.of());
    }

    /**
     * {@code event} prepared: for a {@code service.delivered}, its recipient opened with {@code tokeniser} in memory,
     * normalised, and its blocking keys; any other event as it came.
     */
    public static PreparedRecord prepare(
            CareEvent event, RecipientTokeniser tokeniser, RecipientNormalizer normalizer) {
        if (event.type() != EventType.SERVICE_DELIVERED) {
            return of(event);
        }
        ServiceDelivered record = event.dataAs(ServiceDelivered.class);
        // Opened in memory for this record only: what leaves this method is normalised evidence (§6.2, §6.7).
        NormalizedRecipient recipient = normalizer.normalize(tokeniser.open(record.recipient()));
        return new PreparedRecord(
                event, recipient.withoutBirthDate(), List.copyOf(BlockingKeys.of(RecipientProfile.of(recipient))));
    }

    /** Whether the recipient was prepared upstream. */
    public boolean isPrepared() {
        return recipient != null;
    }

    /** The blocking keys as the resolver takes them. */
    public Set<String> keys() {
        return new LinkedHashSet<>(blockingKeys);
    }

    /**
     * The key records are spread over the preparing instances by: {@code operatorId:recordId}, so two deliveries of
     * one record are prepared by one instance and reach the resolver in the order they came.
     */
    public static String recordKey(CareEvent serviceEvent) {
        return ServiceRecordDocument.documentId(
                serviceEvent.operatorId(),
                serviceEvent.dataAs(ServiceDelivered.class).recordId());
    }
}
