package org.eldercare.streaming.sink;

import java.time.Duration;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.util.function.SerializableFunction;
import org.eldercare.search.index.ElasticsearchConfig;
import org.eldercare.search.index.IndexSpec;

/** Makes {@link ElasticsearchSink}s against one cluster; serialisable with the job graph. */
public final class ElasticsearchSinkFactory implements DocumentSinkFactory {

    private final ElasticsearchConfig config;

    public ElasticsearchSinkFactory(ElasticsearchConfig config) {
        this.config = config;
    }

    /** The defaults of {@link ElasticsearchConfig} with the node at {@code url}. */
    public static ElasticsearchSinkFactory forUrl(String url) {
        return new ElasticsearchSinkFactory(ElasticsearchConfig.forUrl(url));
    }

    @Override
    public <T> Sink<T> create(String index, SerializableFunction<T, String> idOf) {
        return new ElasticsearchSink<>(config, index, idOf);
    }

    @Override
    public <T> Sink<T> createCoalescing(String index, SerializableFunction<T, String> idOf) {
        return ElasticsearchSink.coalescing(config, index, idOf);
    }

    /** As the registry says: an index with {@link IndexSpec#flushWithin()} gets a writer that flushes at least so often. */
    @Override
    public <T> Sink<T> create(IndexSpec<T> index) {
        Duration wait = index.flushWithin();
        ElasticsearchConfig writer = wait != null && wait.compareTo(config.bulkFlushInterval()) < 0
                ? config.withBulkFlushInterval(wait)
                : config;
        return new ElasticsearchSink<>(writer, index.name(), index::id);
    }
}
