package org.eldercare.streaming.sink;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.transport.ElasticsearchTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.eldercare.search.index.Elasticsearch;
import org.eldercare.search.index.ElasticsearchConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches of {@link BulkEntry} as bulk index requests. Its client is created here, in the
 * task, never serialised with the job graph. A failed request or retriable items go back to the
 * writer's buffer after an exponential backoff; while they wait they still count as in flight, so
 * a slow or absent node backpressures the job instead of growing memory.
 */
final class ElasticsearchSinkWriter<T> extends AsyncSinkWriter<T, BulkEntry> {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchSinkWriter.class);

    private final ElasticsearchTransport transport;
    private final ElasticsearchAsyncClient client;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final Counter rejected;
    private final Counter retried;

    ElasticsearchSinkWriter(
            ElementConverter<T, BulkEntry> converter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration writerConfig,
            ElasticsearchConfig esConfig,
            Collection<BufferedRequestState<BulkEntry>> restored,
            CoalescingRequestBuffer coalescing) {
        // Flink's own batch creator either way; Flink's FIFO deque unless the sink coalesces.
        super(
                converter,
                context,
                writerConfig,
                restored,
                new SimpleBatchCreator<>(writerConfig.getMaxBatchSizeInBytes()),
                coalescing != null ? coalescing : new DequeRequestBuffer<>());
        this.transport = Elasticsearch.transport(esConfig);
        this.client = new ElasticsearchAsyncClient(transport);
        this.rejected = context.metricGroup().getNumRecordsOutErrorsCounter();
        this.retried = context.metricGroup().counter("elasticsearchRetriedDocuments");
        if (coalescing != null) {
            context.metricGroup().gauge("elasticsearchCoalescedDocuments", coalescing::coalesced);
        }
    }

    @Override
    protected void submitRequestEntries(List<BulkEntry> entries, ResultHandler<BulkEntry> result) {
        client.bulk(toRequest(entries)).whenComplete((response, failure) -> {
            if (failure != null) {
                onRequestFailed(entries, failure, result);
            } else {
                onResponse(entries, response, result);
            }
        });
    }

    static BulkRequest toRequest(List<BulkEntry> entries) {
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (BulkEntry e : entries) {
            BinaryData source = BinaryData.of(e.json(), ContentType.APPLICATION_JSON);
            bulk.operations(op -> op.index(i -> i.index(e.index()).id(e.id()).document(source)));
        }
        return bulk.build();
    }

    private void onResponse(List<BulkEntry> entries, BulkResponse response, ResultHandler<BulkEntry> result) {
        BulkOutcome outcome = BulkOutcome.of(entries, response.items());
        outcome.rejected().forEach(reason -> log.error("Document rejected, not retried: {}", reason));
        rejected.inc(outcome.rejected().size());
        if (outcome.retry().isEmpty()) {
            consecutiveFailures.set(0);
            result.complete();
        } else {
            log.warn(
                    "{} of {} documents refused for now (429/5xx), retrying",
                    outcome.retry().size(),
                    entries.size());
            retryLater(outcome.retry(), result);
        }
    }

    private void onRequestFailed(List<BulkEntry> entries, Throwable failure, ResultHandler<BulkEntry> result) {
        Throwable cause = RequestFailures.unwrap(failure);
        if (!RequestFailures.retriable(cause)) {
            result.completeExceptionally(new IOException(
                    "Elasticsearch refused a bulk of " + entries.size() + " documents to "
                            + entries.getFirst().index() + ": " + cause.getMessage(),
                    cause));
            return;
        }
        log.warn("Bulk of {} documents failed ({}), retrying", entries.size(), cause.toString());
        retryLater(entries, result);
    }

    private void retryLater(List<BulkEntry> entries, ResultHandler<BulkEntry> result) {
        retried.inc(entries.size());
        long delay =
                RequestFailures.backoff(consecutiveFailures.incrementAndGet()).toMillis();
        Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS);
        later.execute(() -> result.retryForEntries(entries));
    }

    @Override
    protected long getSizeInBytes(BulkEntry entry) {
        return entry.sizeInBytes();
    }

    @Override
    public void close() {
        super.close();
        try {
            transport.close();
        } catch (IOException e) {
            log.warn("Closing the Elasticsearch client failed", e);
        }
    }
}
