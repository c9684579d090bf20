package org.eldercare.streaming.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.util.function.SerializableFunction;
import org.eldercare.search.index.ElasticsearchConfig;

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
}
