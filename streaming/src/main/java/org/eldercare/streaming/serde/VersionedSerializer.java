package org.eldercare.streaming.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;

/**
 * A hand-written serializer whose binary form has a version, recorded in every checkpoint and savepoint by its
 * {@link VersionedSerializerSnapshot}.
 *
 * <p><b>The upgrade rule.</b> The bytes of format {@code n} never change once released. To add, drop or reorder a
 * field:
 *
 * <ol>
 *   <li>bump {@link #formatVersion()} to {@code n + 1} and write the new form;
 *   <li>keep reading every older form in {@link #deserialize(DataInputView, int)} (a switch on the version; a field
 *       the old form lacks gets its default), so state written by the previous release restores: Flink sees the
 *       older version in the snapshot, answers "compatible after migration", reads the old state with
 *       {@link #readerOf(int) a reader of that version} and writes it back in the new form;
 *   <li>raise {@link #oldestReadableFormat()} only when no checkpoint of that form can exist any more; restoring one
 *       then fails with "incompatible" instead of reading garbage.
 * </ol>
 *
 * The same rule holds for a serializer used only between operators: unaligned checkpoints store records in flight.
 */
public abstract class VersionedSerializer<T> extends TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;

    /** The version of the form {@link #serialize} writes: 1 for the form the first release wrote. */
    public abstract int formatVersion();

    /** The oldest form {@link #deserialize(DataInputView, int)} still reads. */
    public int oldestReadableFormat() {
        return 1;
    }

    /** Reads one value written in form {@code formatVersion}, between {@link #oldestReadableFormat()} and the current. */
    public abstract T deserialize(DataInputView in, int formatVersion) throws IOException;

    /** Whether this build reads state written in form {@code formatVersion}. */
    public final boolean reads(int formatVersion) {
        return formatVersion >= oldestReadableFormat() && formatVersion <= formatVersion();
    }

    /** A serializer that reads form {@code formatVersion}: this one for the current form, else a read-only reader. */
    public final TypeSerializer<T> readerOf(int formatVersion) {
        if (formatVersion == formatVersion()) {
            return this;
        }
        if (!reads(formatVersion)) {
            throw new IllegalStateException(getClass().getSimpleName() + " reads forms " + oldestReadableFormat()
                    + " to " + formatVersion() + ", not " + formatVersion);
        }
        return new FormatReader<>(this, formatVersion);
    }
}
