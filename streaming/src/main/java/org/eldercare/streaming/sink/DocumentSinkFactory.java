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

    /**
     * As {@link #create(String, SerializableFunction)}, for an index whose documents are whole and last-write-wins:
     * of several documents with one id waiting to be written, the sink may write only the newest. Never later than
     * the plain sink would, and never an older version over a newer one. A factory without such a sink (a test's
     * collector) gives the plain one.
     */
    default <T> Sink<T> createCoalescing(String index, SerializableFunction<T, String> idOf) {
        return create(index, idOf);
    }

    /** The sink of one registered index, each document under the id its {@link IndexSpec} builds. */
    default <T> Sink<T> create(IndexSpec<T> index) {
        return create(index.name(), index::id);
    }
}
