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

/** A person's coverage share changing from {@code before} to {@code after}; null is nobody. */
public record CoverageChange(String identity, CoverageShare before, CoverageShare after) {

    public static final TypeInformation<CoverageChange> TYPE =
            new ImmutableTypeInfo<>(CoverageChange.class, Serializer.INSTANCE);

    /** The binary form, between operators. */
    public static final class Serializer extends ImmutableSerializer<CoverageChange> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
        private static final int FORMAT = 1;

        @Override
        public int formatVersion() {
            return FORMAT;
        }

        @Override
        protected void write(CoverageChange v, DataOutputView out) throws IOException {
            Wire.string(v.identity(), out);
            share(v.before(), out);
            share(v.after(), out);
        }

        @Override
        protected CoverageChange read(DataInputView in, int formatVersion) throws IOException {
            return new CoverageChange(Wire.string(in), share(in), share(in));
        }

        private static void share(CoverageShare s, DataOutputView out) throws IOException {
            out.writeBoolean(s != null);
            if (s != null) {
                CoverageShare.Serializer.INSTANCE.serialize(s, out);
            }
        }

        private static CoverageShare share(DataInputView in) throws IOException {
            return in.readBoolean() ? CoverageShare.Serializer.INSTANCE.deserialize(in) : null;
        }

        @Override
        public TypeSerializerSnapshot<CoverageChange> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<CoverageChange> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
