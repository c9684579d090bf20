package org.eldercare.tools.evaluation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Sink V2 that keeps what the job writes to it in this JVM, for runs on an in-process MiniCluster: the evaluation
 * reads the job's outputs the way a reader of the indexes would, the last write per document id winning. Elements
 * of one subtask keep their order, and a keyed output writes one key from one subtask.
 */
final class CollectedSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, ConcurrentLinkedQueue<Object>> COLLECTED = new ConcurrentHashMap<>();

    private final String name;

    CollectedSink(String output) {
        this.name = output + "-" + UUID.randomUUID();
        COLLECTED.put(name, new ConcurrentLinkedQueue<>());
    }

    /** Everything written so far; forgets it, so a long evaluation does not keep two copies. */
    @SuppressWarnings("unchecked")
    List<T> drain() {
        ConcurrentLinkedQueue<Object> all = COLLECTED.remove(name);
        return all == null ? List.of() : (List<T>) List.copyOf(all);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        ConcurrentLinkedQueue<Object> into = COLLECTED.get(name);
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                into.add(element);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
