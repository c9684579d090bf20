package org.eldercare.streaming.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.util.function.SerializableFunction;
import org.eldercare.search.index.Elasticsearch;

/**
 * Turns a document into a {@link BulkEntry}: its id from {@code idOf}, its JSON from the same
 * mapper the readers use ({@link Elasticsearch#objectMapper()}). A document without an id or that
 * cannot be serialised is a bug upstream and fails the job rather than being written under a
 * random id.
 */
public final class BulkEntryConverter<T> implements ElementConverter<T, BulkEntry> {

    private final String index;
    private final SerializableFunction<T, String> idOf;
    private transient ObjectMapper mapper;

    public BulkEntryConverter(String index, SerializableFunction<T, String> idOf) {
        this.index = index;
        this.idOf = idOf;
    }

    @Override
    public BulkEntry apply(T element, SinkWriter.Context context) {
        String id = idOf.apply(element);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(
                    index + ": idOf returned no id for a " + element.getClass().getSimpleName());
        }
        try {
            return new BulkEntry(index, id, mapper().writeValueAsBytes(element));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(index + "/" + id + ": cannot be written as JSON", e);
        }
    }

    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = Elasticsearch.objectMapper();
        }
        return mapper;
    }
}
