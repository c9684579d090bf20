package org.eldercare.benchmark.streaming;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.function.SerializableFunction;
import org.eldercare.streaming.sink.DocumentSinkFactory;

/** Document sinks that drop everything: the job's own cost without Elasticsearch's. */
final class DiscardingDocuments implements DocumentSinkFactory {

    private static final long serialVersionUID = 1L;

    @Override
    public <T> Sink<T> create(String index, SerializableFunction<T, String> idOf) {
        return new DiscardingSink<>();
    }
}
