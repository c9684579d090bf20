package org.eldercare.streaming.coverage;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/**
 * One register entry as coverage sees it (docs/CONTRACT.md §7.5): where the person lives, the labels that hold today
 * ({@link CoverageShare#labels} bits) and the {@code time} of the event its details come from, which decides which
 * of several entries of one person stands for them.
 */
public record RegisterEntry(String personId, String streetCode, String districtCode, int labels, long updatedAt) {

    public static final TypeInformation<RegisterEntry> TYPE =
            new ImmutableTypeInfo<>(RegisterEntry.class, Serializer.INSTANCE);

    /** The binary form: kept in the state of {@link CoverageByIdentity}. */
    public static final class Serializer extends ImmutableSerializer<RegisterEntry> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
        private static final int FORMAT = 1;

        @Override
        public int formatVersion() {
            return FORMAT;
        }

        @Override
        protected void write(RegisterEntry v, DataOutputView out) throws IOException {
            Wire.string(v.personId(), out);
            Wire.string(v.streetCode(), out);
            Wire.string(v.districtCode(), out);
            out.writeInt(v.labels());
            out.writeLong(v.updatedAt());
        }

        @Override
        protected RegisterEntry read(DataInputView in, int formatVersion) throws IOException {
            return new RegisterEntry(Wire.string(in), Wire.string(in), Wire.string(in), in.readInt(), in.readLong());
        }

        @Override
        public TypeSerializerSnapshot<RegisterEntry> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<RegisterEntry> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
