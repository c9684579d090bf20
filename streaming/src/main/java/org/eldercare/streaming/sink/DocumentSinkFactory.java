package org.eldercare.streaming.sink;

import java.io.Serializable;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.util.function.SerializableFunction;
import org.eldercare.search.index.IndexSpec;

/**
 * Makes the sink that writes a job's documents into one index, each under the id {@code idOf}
 * gives it. Ids must be deterministic (the same logical document always gets the same id), so a
 * replay after a failure overwrites instead of doubling. Jobs take a factory so tests can plug in
 * a collecting sink and {@code main()} the Elasticsearch one.
 */
public interface DocumentSinkFactory extends Serializable {

    <T> Sink<T> create(String index, SerializableFunction<T, String> idOf);

    /** The sink of one registered index, each document under the id its {@link IndexSpec} builds. */
    default <T> Sink<T> create(IndexSpec<T> index) {
        return create(index.name(), index::id);
    }
}
