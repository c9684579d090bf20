package org.eldercare.streaming.sink;

import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.util.function.SerializableFunction;
import org.eldercare.search.index.ElasticsearchConfig;

/**
 * The project's Flink → Elasticsearch sink (Sink V2 on {@code flink-connector-base}). Every
 * element becomes an index operation under a deterministic id, so delivery is at-least-once and
 * the effect exactly-once: the writer flushes everything buffered and in flight before a
 * checkpoint completes, and what a restore replays overwrites the same documents.
 *
 * <p>Batching follows the {@link ElasticsearchConfig} bulk settings. One request is in flight per
 * subtask by default, so two versions of one document (its id routed to one subtask by an
 * upstream {@code keyBy}) land in the order they were written, retries included. Items refused
 * with 429/5xx are retried with backoff; other refused items (a 400 mapping error) are logged,
 * counted in {@code numRecordsOutErrors} and dropped, and a request-level refusal that retrying
 * cannot fix (401, 413) fails the job.
 */
public final class ElasticsearchSink<T> extends AsyncSinkBase<T, BulkEntry> {

    private static final long MAX_REQUEST_TIME_MS = 10 * 60 * 1000L;

    private final ElasticsearchConfig config;

    public ElasticsearchSink(
            ElasticsearchConfig config, String index, SerializableFunction<T, String> idOf, int maxInFlightRequests) {
        super(
                new BulkEntryConverter<>(index, idOf),
                config.bulkActions(),
                maxInFlightRequests,
                config.bulkActions() * 10,
                config.bulkBytes(),
                config.bulkFlushInterval().toMillis(),
                config.bulkBytes(),
                MAX_REQUEST_TIME_MS,
                false);
        this.config = config;
    }

    /** One request in flight per subtask: per-id order is kept. */
    public ElasticsearchSink(ElasticsearchConfig config, String index, SerializableFunction<T, String> idOf) {
        this(config, index, idOf, 1);
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<BulkEntry>> createWriter(WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<BulkEntry>> restoreWriter(
            WriterInitContext context, Collection<BufferedRequestState<BulkEntry>> restored) {
        AsyncSinkWriterConfiguration writerConfig = AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                .setRequestTimeoutMS(getRequestTimeoutMS())
                .setFailOnTimeout(getFailOnTimeout())
                .build();
        return new ElasticsearchSinkWriter<>(getElementConverter(), context, writerConfig, config, restored);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<BulkEntry>> getWriterStateSerializer() {
        return new BulkEntryStateSerializer();
    }
}
