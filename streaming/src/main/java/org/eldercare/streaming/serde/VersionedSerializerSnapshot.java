package org.eldercare.streaming.serde;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The snapshot of a {@link VersionedSerializer}: it records the serializer's {@linkplain
 * VersionedSerializer#formatVersion() data format version}, so the next build knows which form the state it restores
 * is in. Each serializer has a nested {@code Snapshot} subclass with a public no-argument constructor; checkpoints
 * name that class, so it is never renamed or moved.
 *
 * <p>Compatibility, asked of the new build's snapshot with the one restored: same format → compatible as is; an older
 * format the serializer still reads → compatible after migration (Flink reads with {@link #restoreSerializer()}, a
 * reader of the old form, and writes with the current serializer); a newer or no longer readable format, or another
 * serializer's snapshot → incompatible, and the restore fails instead of misreading bytes.
 *
 * <p><b>Snapshots written before versioning.</b> The nested {@code Snapshot} classes used to extend Flink's {@code
 * SimpleTypeSerializerSnapshot}, whose snapshot version is 3 (2 in old Flink releases, with the serializer's class
 * name) and whose payload is empty. This class keeps those names and continues the numbering at {@value
 * #SNAPSHOT_VERSION}: a snapshot of version 2 or 3 is read as data format 1, which is the form every serializer wrote
 * then, byte for byte.
 */
public abstract class VersionedSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

    /** The version of this snapshot's own layout (not of the data): an int, the data format version. */
    static final int SNAPSHOT_VERSION = 4;

    private static final int SIMPLE_SNAPSHOT = 3;
    private static final int SIMPLE_SNAPSHOT_WITH_CLASS_NAME = 2;

    private final Supplier<? extends VersionedSerializer<T>> serializer;
    int formatVersion;

    protected VersionedSerializerSnapshot(Supplier<? extends VersionedSerializer<T>> serializer) {
        this.serializer = Objects.requireNonNull(serializer);
        this.formatVersion = serializer.get().formatVersion();
    }

    /** The data format version of the state this snapshot describes. */
    public final int formatVersion() {
        return formatVersion;
    }

    @Override
    public final int getCurrentVersion() {
        return SNAPSHOT_VERSION;
    }

    @Override
    public final void writeSnapshot(DataOutputView out) throws IOException {
        out.writeInt(formatVersion);
    }

    @Override
    public final void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader) throws IOException {
        switch (readVersion) {
            case SNAPSHOT_VERSION -> formatVersion = in.readInt();
            case SIMPLE_SNAPSHOT -> formatVersion = 1;
            case SIMPLE_SNAPSHOT_WITH_CLASS_NAME -> {
                in.readUTF();
                formatVersion = 1;
            }
            default ->
                throw new IOException(getClass().getName() + ": unknown snapshot version " + readVersion
                        + " (this build writes " + SNAPSHOT_VERSION + ")");
        }
    }

    @Override
    public final TypeSerializer<T> restoreSerializer() {
        return serializer.get().readerOf(formatVersion);
    }

    @Override
    public final TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSerializerSnapshot) {
        if (oldSerializerSnapshot == null || oldSerializerSnapshot.getClass() != getClass()) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        int old = ((VersionedSerializerSnapshot<T>) oldSerializerSnapshot).formatVersion;
        if (old == formatVersion) {
            return TypeSerializerSchemaCompatibility.compatibleAsIs();
        }
        if (old < formatVersion && serializer.get().reads(old)) {
            return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null
                && o.getClass() == getClass()
                && ((VersionedSerializerSnapshot<?>) o).formatVersion == formatVersion;
    }

    @Override
    public final int hashCode() {
        return 31 * getClass().hashCode() + formatVersion;
    }

    @Override
    public String toString() {
        return getClass().getName() + "(format " + formatVersion + ")";
    }
}
