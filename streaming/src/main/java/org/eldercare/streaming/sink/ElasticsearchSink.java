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
 *
 * <p>A <em>coalescing</em> sink ({@link #coalescing}) keeps only the newest of the entries with the same id that
 * wait to be sent ({@link CoalescingRequestBuffer}), and sends when its flush interval is up rather than whenever
 * {@code bulk-actions} versions have piled up (up to {@value #COALESCING_BATCH_FACTOR} × {@code bulk-actions} and
 * {@code bulk-bytes} per request): for indexes where each document is whole and only its newest state matters, so a
 * document rewritten many times within a flush interval is indexed once. A document still waits at most the flush
 * interval (plus a request in flight), and what waits is checkpointed the same way.
 */
public final class ElasticsearchSink<T> extends AsyncSinkBase<T, BulkEntry> {

    private static final long MAX_REQUEST_TIME_MS = 10 * 60 * 1000L;

    /**
     * A coalescing sink sends when its flush interval is up, or once this many times {@code bulk-actions} (or {@code
     * bulk-bytes}) wait: the versions of one flush interval go out as one document each, instead of a bulk leaving
     * whenever {@code bulk-actions} versions have piled up.
     */
    static final int COALESCING_BATCH_FACTOR = 5;

    private final ElasticsearchConfig config;
    private final boolean coalesce;

    public ElasticsearchSink(
            ElasticsearchConfig config, String index, SerializableFunction<T, String> idOf, int maxInFlightRequests) {
        this(config, index, idOf, maxInFlightRequests, false);
    }

    private ElasticsearchSink(
            ElasticsearchConfig config,
            String index,
            SerializableFunction<T, String> idOf,
            int maxInFlightRequests,
            boolean coalesce) {
        super(
                new BulkEntryConverter<>(index, idOf),
                coalesce ? config.bulkActions() * COALESCING_BATCH_FACTOR : config.bulkActions(),
                maxInFlightRequests,
                config.bulkActions() * 10,
                config.bulkBytes(),
                config.bulkFlushInterval().toMillis(),
                config.bulkBytes(),
                MAX_REQUEST_TIME_MS,
                false);
        this.config = config;
        this.coalesce = coalesce;
    }

    /** One request in flight per subtask: per-id order is kept. */
    public ElasticsearchSink(ElasticsearchConfig config, String index, SerializableFunction<T, String> idOf) {
        this(config, index, idOf, 1);
    }

    /**
     * One request in flight per subtask, and of the documents with one id waiting to be sent only the newest is
     * sent (last write wins). Only for indexes whose documents are written whole and never need to be seen in an
     * intermediate state.
     */
    public static <T> ElasticsearchSink<T> coalescing(
            ElasticsearchConfig config, String index, SerializableFunction<T, String> idOf) {
        return new ElasticsearchSink<>(config, index, idOf, 1, true);
    }

    /** Whether this sink keeps only the newest waiting entry per id. */
    public boolean coalesces() {
        return coalesce;
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
        return new ElasticsearchSinkWriter<>(
                getElementConverter(),
                context,
                writerConfig,
                config,
                restored,
                coalesce ? new CoalescingRequestBuffer() : null);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<BulkEntry>> getWriterStateSerializer() {
        return new BulkEntryStateSerializer();
    }
}
