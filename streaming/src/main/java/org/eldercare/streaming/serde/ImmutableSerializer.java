package org.eldercare.streaming.serde;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A hand-written binary serializer for an immutable type. The hot types of the job cross the network
 * this way instead of through Kryo: no reflection, no class tags, and {@code copy} is free. Its form is
 * versioned: see {@link VersionedSerializer} for the rule when a field changes.
 */
public abstract class ImmutableSerializer<T> extends VersionedSerializer<T> {

    private static final long serialVersionUID = 1L;

    /** Writes {@code value} in the current form, {@link #formatVersion()}. */
    protected abstract void write(T value, DataOutputView out) throws IOException;

    /**
     * Reads a value written in form {@code formatVersion} (from {@link #oldestReadableFormat()} to {@link
     * #formatVersion()}); a field an older form lacks gets its default.
     */
    protected abstract T read(DataInputView in, int formatVersion) throws IOException;

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final T createInstance() {
        return null;
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final void serialize(T value, DataOutputView out) throws IOException {
        write(value, out);
    }

    @Override
    public final T deserialize(DataInputView in) throws IOException {
        return read(in, formatVersion());
    }

    @Override
    public final T deserialize(DataInputView in, int formatVersion) throws IOException {
        return read(in, formatVersion);
    }

    @Override
    public final T deserialize(T reuse, DataInputView in) throws IOException {
        return read(in, formatVersion());
    }

    @Override
    public final void copy(DataInputView in, DataOutputView out) throws IOException {
        write(read(in, formatVersion()), out);
    }
}
