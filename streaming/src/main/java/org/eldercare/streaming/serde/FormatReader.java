package org.eldercare.streaming.serde;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Reads state written in an older form of a {@link VersionedSerializer}; the restore serializer of its snapshot. It
 * only reads: Flink writes migrated state with the current serializer, and the old form is gone from this build's
 * writer.
 *
 * <p>One consequence: a state restored in an older form that the job no longer registers (its descriptor was
 * removed in the same release that bumped the form) would be written by the heap backend with this serializer, so
 * its checkpoints fail with {@link UnsupportedOperationException} rather than store bytes under the wrong version.
 * Remove a state and bump a form in different releases.
 */
final class FormatReader<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final VersionedSerializer<T> current;
    private final int formatVersion;

    FormatReader(VersionedSerializer<T> current, int formatVersion) {
        this.current = Objects.requireNonNull(current);
        this.formatVersion = formatVersion;
    }

    int formatVersion() {
        return formatVersion;
    }

    @Override
    public boolean isImmutableType() {
        return current.isImmutableType();
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return current.createInstance();
    }

    @Override
    public T copy(T from) {
        return current.copy(from);
    }

    @Override
    public T copy(T from, T reuse) {
        return current.copy(from, reuse);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) {
        throw new UnsupportedOperationException(
                "form " + formatVersion + " of " + current.getClass().getSimpleName() + " is only read, not written");
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return current.deserialize(source, formatVersion);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) {
        throw new UnsupportedOperationException(
                "form " + formatVersion + " of " + current.getClass().getSimpleName() + " is only read, not written");
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        VersionedSerializerSnapshot<T> snapshot = (VersionedSerializerSnapshot<T>) current.snapshotConfiguration();
        snapshot.formatVersion = formatVersion;
        return snapshot;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormatReader<?> other
                && other.current.getClass() == current.getClass()
                && other.formatVersion == formatVersion;
    }

    @Override
    public int hashCode() {
        return 31 * current.getClass().hashCode() + formatVersion;
    }

    @Override
    public String toString() {
        return current.getClass().getSimpleName() + " reading form " + formatVersion;
    }
}
