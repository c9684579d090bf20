package org.eldercare.streaming.serde;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.ingest.codec.CloudEventJson;

/**
 * An immutable record written as its JSON (the shared mapper of {@link CloudEventJson}: ISO times with their offset,
 * nulls left out), length-prefixed. For state that is rare and small (incidents, a device's binding), where a field
 * added later reads as null from an older form without a hand-written reader; bump {@link #formatVersion()} when a
 * field changes meaning.
 */
public abstract class JsonFormSerializer<T> extends ImmutableSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;

    protected JsonFormSerializer(Class<T> type) {
        this.type = type;
    }

    @Override
    protected final void write(T value, DataOutputView out) throws IOException {
        byte[] json = CloudEventJson.mapper().writeValueAsBytes(value);
        out.writeInt(json.length);
        out.write(json);
    }

    @Override
    protected final T read(DataInputView in, int formatVersion) throws IOException {
        byte[] json = new byte[in.readInt()];
        in.readFully(json);
        return CloudEventJson.mapper().readValue(json, type);
    }
}
