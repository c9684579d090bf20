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
 * A register entry of {@code identity} (the person a keyed ID digest names, or an entry with no ID number) as it now
 * stands, or its departure from that identity when {@code entry} is null.
 */
public record EntryUpdate(String identity, String personId, RegisterEntry entry) {

    public static final TypeInformation<EntryUpdate> TYPE =
            new ImmutableTypeInfo<>(EntryUpdate.class, Serializer.INSTANCE);

    /** The binary form, between operators. */
    public static final class Serializer extends ImmutableSerializer<EntryUpdate> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
        private static final int FORMAT = 1;

        @Override
        public int formatVersion() {
            return FORMAT;
        }

        @Override
        protected void write(EntryUpdate v, DataOutputView out) throws IOException {
            Wire.string(v.identity(), out);
            Wire.string(v.personId(), out);
            out.writeBoolean(v.entry() != null);
            if (v.entry() != null) {
                RegisterEntry.Serializer.INSTANCE.serialize(v.entry(), out);
            }
        }

        @Override
        protected EntryUpdate read(DataInputView in, int formatVersion) throws IOException {
            String identity = Wire.string(in);
            String personId = Wire.string(in);
            RegisterEntry entry = in.readBoolean() ? RegisterEntry.Serializer.INSTANCE.deserialize(in) : null;
            return new EntryUpdate(identity, personId, entry);
        }

        @Override
        public TypeSerializerSnapshot<EntryUpdate> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<EntryUpdate> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
