package org.eldercare.streaming.recipient;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.search.index.IndexRegistry;
import org.eldercare.search.resolve.ResolutionThresholds;
import org.eldercare.search.resolve.ReviewCaseDocument;
import org.eldercare.search.resolve.ServiceRecordDocument;
import org.eldercare.streaming.pii.PiiSecrets;
import org.eldercare.streaming.sink.DocumentSinkFactory;

/**
 * Wires recipient resolution onto a stream of accepted {@code service.delivered} events in two stages: {@link
 * PrepareRecipients} at any parallelism (keyed by record, stateless) does each record's own work (opening,
 * normalising, digests, blocking keys), then one {@link ResolveRecipients} instance (parallelism 1, all events under
 * one key) looks up, scores, links and merges, with its sinks chained to it, so documents are handed over without
 * serialization and in the order they were produced (a redirect never overtakes the document it replaces). The
 * resolver stays one instance because a record may join or merge persons filed under any of its blocking keys: the
 * persons must all be in one place for the result not to depend on how records are spread.
 */
public final class RecipientResolution {

    private RecipientResolution() {}

    /** The {@code service-records} sink, id {@code operatorId:recordId}. */
    public static Sink<ServiceRecordDocument> serviceRecordsSink(DocumentSinkFactory documents) {
        return documents.create(IndexRegistry.SERVICE_RECORDS);
    }

    /**
     * The {@code recipients} sink, id {@code recipientId} (of the person, or of the merged-away id). Coalescing: a
     * person's document is rewritten after each of their records, each time whole and in its newest state, so of
     * the versions waiting for the next bulk only the newest is sent (streaming/README.md, "Recipient resolution").
     */
    public static Sink<RecipientEntry> recipientsSink(DocumentSinkFactory documents) {
        return documents.createCoalescing(IndexRegistry.RECIPIENTS.name(), RecipientEntry::documentId);
    }

    /** The {@code review-cases} sink, id {@code leftId|rightId} (docs/CONTRACT.md §7.6). */
    public static Sink<ReviewCaseDocument> reviewCasesSink(DocumentSinkFactory documents) {
        return documents.create(IndexRegistry.REVIEW_CASES);
    }

    /**
     * Resolves {@code serviceEvents} with {@link ResolutionThresholds#DEFAULT} and writes both indexes; records are
     * prepared at the environment's parallelism.
     */
    public static SingleOutputStreamOperator<ServiceRecordDocument> attach(
            DataStream<CareEvent> serviceEvents,
            PiiSecrets pii,
            Sink<ServiceRecordDocument> serviceRecords,
            Sink<RecipientEntry> recipients) {
        return attach(serviceEvents, null, pii, 0, serviceRecords, recipients, null);
    }

    /**
     * As above, with the review queue (docs/CONTRACT.md §7.6): {@code reviewEvents} ({@code identity.reviewed},
     * {@code identity.review.requested}; null for none) are applied in the same single instance, and the cases go
     * to {@code reviewCases} (null to drop them). Records are prepared by {@code prepareParallelism} instances
     * ({@link org.eldercare.streaming.StreamingConfig#RESOLVE_PARALLELISM}; 0 for the environment's parallelism).
     * Review events go to the resolver as they came: they name persons, not records, and need no preparing.
     */
    public static SingleOutputStreamOperator<ServiceRecordDocument> attach(
            DataStream<CareEvent> serviceEvents,
            DataStream<CareEvent> reviewEvents,
            PiiSecrets pii,
            int prepareParallelism,
            Sink<ServiceRecordDocument> serviceRecords,
            Sink<RecipientEntry> recipients,
            Sink<ReviewCaseDocument> reviewCases) {
        int parallelism = prepareParallelism > 0
                ? prepareParallelism
                : serviceEvents.getExecutionEnvironment().getParallelism();
        DataStream<PreparedRecord> input = serviceEvents
                // By record: stateless, but two deliveries of one record keep their order on the way.
                .keyBy(PreparedRecord::recordKey, Types.STRING)
                .map(new PrepareRecipients(pii), PreparedRecord.TYPE)
                .setParallelism(parallelism)
                .name("prepare recipients")
                .uid("prepare-recipients");
        if (reviewEvents != null) {
            input = input.union(reviewEvents
                    .map(PreparedRecord::of, PreparedRecord.TYPE)
                    .name("review events to resolve")
                    .uid("review-events-to-resolve"));
        }
        SingleOutputStreamOperator<ServiceRecordDocument> resolved = input.keyBy(
                        e -> ResolveRecipients.ALL, Types.STRING)
                .process(new ResolveRecipients(pii, ResolutionThresholds.DEFAULT), ResolveRecipients.SERVICE_RECORD)
                .setParallelism(1)
                .setMaxParallelism(1)
                .name("resolve recipients")
                .uid("resolve-recipients");
        resolved.sinkTo(serviceRecords)
                .setParallelism(1)
                .name("service records sink")
                .uid("service-record-documents-sink");
        resolved.getSideOutput(ResolveRecipients.RECIPIENT_DOCUMENTS)
                .sinkTo(recipients)
                .setParallelism(1)
                .name("recipients sink")
                .uid("recipients-sink");
        if (reviewCases != null) {
            resolved.getSideOutput(ResolveRecipients.REVIEW_CASES)
                    .sinkTo(reviewCases)
                    .setParallelism(1)
                    .name("review cases sink")
                    .uid("review-cases-sink");
        }
        return resolved;
    }
}
