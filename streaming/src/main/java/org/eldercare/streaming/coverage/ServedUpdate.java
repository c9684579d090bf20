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
 * The latest service start of recipient {@code recipientId}, who holds the keyed ID digest of {@code identity}; or,
 * when {@code lastServiceAt} is null, that the recipient no longer holds it (merged away, or evidence moved).
 */
public record ServedUpdate(String identity, String recipientId, Long lastServiceAt) {

    public static final TypeInformation<ServedUpdate> TYPE =
            new ImmutableTypeInfo<>(ServedUpdate.class, Serializer.INSTANCE);

    /** The binary form, between operators. */
    public static final class Serializer extends ImmutableSerializer<ServedUpdate> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
        private static final int FORMAT = 1;

        @Override
        public int formatVersion() {
            return FORMAT;
        }

        @Override
        protected void write(ServedUpdate v, DataOutputView out) throws IOException {
            Wire.string(v.identity(), out);
            Wire.string(v.recipientId(), out);
            Wire.nullableLong(v.lastServiceAt(), out);
        }

        @Override
        protected ServedUpdate read(DataInputView in, int formatVersion) throws IOException {
            return new ServedUpdate(Wire.string(in), Wire.string(in), Wire.nullableLong(in));
        }

        @Override
        public TypeSerializerSnapshot<ServedUpdate> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<ServedUpdate> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
