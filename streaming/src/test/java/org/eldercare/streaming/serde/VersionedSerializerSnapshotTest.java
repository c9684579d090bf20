package org.eldercare.streaming.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.streaming.dedup.SeenEventsSerializer;
import org.eldercare.streaming.recipient.PersonSerializer;
import org.eldercare.streaming.recipient.RecipientEntrySerializer;
import org.eldercare.streaming.recipient.ServiceRecordSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The versioning idiom on a test-only type whose serializer is at form 2 (form 2 added {@code street}), and the job's
 * serializers against snapshots written before they were versioned.
 */
class VersionedSerializerSnapshotTest {

    record Resident(String name, int age, String street) {}

    /** Form 1 wrote name and age; form 2 added the street. */
    public static final class ResidentSerializer extends ImmutableSerializer<Resident> {
        private static final long serialVersionUID = 1L;
        static final ResidentSerializer INSTANCE = new ResidentSerializer();
        static int oldestReadable = 1;

        @Override
        public int formatVersion() {
            return 2;
        }

        @Override
        public int oldestReadableFormat() {
            return oldestReadable;
        }

        @Override
        protected void write(Resident r, DataOutputView out) throws IOException {
            Wire.string(r.name(), out);
            out.writeInt(r.age());
            Wire.string(r.street(), out);
        }

        @Override
        protected Resident read(DataInputView in, int formatVersion) throws IOException {
            String name = Wire.string(in);
            int age = in.readInt();
            return new Resident(name, age, formatVersion >= 2 ? Wire.string(in) : "unknown");
        }

        @Override
        public TypeSerializerSnapshot<Resident> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<Resident> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }

    @Test
    void theSameFormatIsCompatibleAsIs() throws IOException {
        TypeSerializerSnapshot<Resident> old = restored(ResidentSerializer.INSTANCE.snapshotConfiguration());

        assertThat(compatibility(old).isCompatibleAsIs()).isTrue();
        assertThat(old.restoreSerializer()).isSameAs(ResidentSerializer.INSTANCE);
    }

    @Test
    void anOlderFormatMigratesAndItsRestoreSerializerReadsTheOldBytes() throws IOException {
        TypeSerializerSnapshot<Resident> old = restored(snapshotBytes(ResidentSerializer.Snapshot.class, 4, 1));

        assertThat(compatibility(old).isCompatibleAfterMigration()).isTrue();
        DataOutputSerializer v1 = new DataOutputSerializer(32);
        Wire.string("王芳", v1);
        v1.writeInt(81);
        TypeSerializer<Resident> reader = old.restoreSerializer();
        assertThat(reader.deserialize(new DataInputDeserializer(v1.getCopyOfBuffer())))
                .isEqualTo(new Resident("王芳", 81, "unknown"));
        assertThat(reader.snapshotConfiguration()).isEqualTo(old);
        assertThatThrownBy(() -> reader.serialize(new Resident("a", 1, "s"), new DataOutputSerializer(8)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFutureFormatIsIncompatibleAndNotRestored() throws IOException {
        TypeSerializerSnapshot<Resident> future = restored(snapshotBytes(ResidentSerializer.Snapshot.class, 4, 3));

        assertThat(compatibility(future).isIncompatible()).isTrue();
        assertThatThrownBy(future::restoreSerializer).hasMessageContaining("not 3");
    }

    @Test
    void aFormatNoLongerReadIsIncompatible() throws IOException {
        TypeSerializerSnapshot<Resident> old = restored(snapshotBytes(ResidentSerializer.Snapshot.class, 4, 1));
        ResidentSerializer.oldestReadable = 2;
        try {
            assertThat(compatibility(old).isIncompatible()).isTrue();
        } finally {
            ResidentSerializer.oldestReadable = 1;
        }
    }

    @Test
    void anotherSerializersSnapshotIsIncompatible() {
        TypeSerializerSnapshot<?> alert = AlertSerializer.INSTANCE.snapshotConfiguration();

        @SuppressWarnings("unchecked")
        TypeSerializerSnapshot<Resident> other = (TypeSerializerSnapshot<Resident>) alert;
        assertThat(compatibility(other).isIncompatible()).isTrue();
    }

    @Test
    void anUnknownSnapshotLayoutFailsTheRestore() {
        assertThatThrownBy(() -> restored(snapshotBytes(ResidentSerializer.Snapshot.class, 5, 1)))
                .hasMessageContaining("unknown snapshot version 5");
    }

    static Stream<VersionedSerializer<?>> jobSerializers() {
        return Stream.of(
                AlertSerializer.INSTANCE,
                CareEventSerializer.INSTANCE,
                FacilityDocumentSerializer.INSTANCE,
                IndicatorSerializer.INSTANCE,
                RejectionSerializer.INSTANCE,
                PersonSerializer.INSTANCE,
                ServiceRecordSerializer.INSTANCE,
                RecipientEntrySerializer.INSTANCE,
                org.eldercare.streaming.recipient.ReviewCaseSerializer.INSTANCE,
                SeenEventsSerializer.INSTANCE,
                org.eldercare.streaming.coverage.CoverageShare.Serializer.INSTANCE,
                org.eldercare.streaming.coverage.CoverageCounts.Serializer.INSTANCE,
                org.eldercare.streaming.coverage.RegisterEntry.Serializer.INSTANCE,
                org.eldercare.streaming.coverage.EntryUpdate.Serializer.INSTANCE,
                org.eldercare.streaming.coverage.ServedUpdate.Serializer.INSTANCE,
                org.eldercare.streaming.coverage.CoverageChange.Serializer.INSTANCE,
                org.eldercare.streaming.incident.DeviceState.Serializer.INSTANCE,
                DeviceDocumentSerializer.INSTANCE);
    }

    /** A checkpoint of the release before versioning names the same Snapshot class at SimpleTypeSerializerSnapshot's version 3, with no payload. */
    @ParameterizedTest
    @MethodSource("jobSerializers")
    <T> void snapshotsWrittenBeforeVersioningRestoreAsFormatOne(VersionedSerializer<T> serializer) throws IOException {
        TypeSerializerSnapshot<T> current = serializer.snapshotConfiguration();
        TypeSerializerSnapshot<T> old = restored(snapshotBytes(current.getClass(), 3));

        assertThat(((VersionedSerializerSnapshot<T>) old).formatVersion()).isEqualTo(1);
        if (serializer.formatVersion() == 1) {
            assertThat(current.resolveSchemaCompatibility(old).isCompatibleAsIs())
                    .isTrue();
            assertThat(old.restoreSerializer()).isSameAs(serializer);
        } else {
            // A later form that still reads form 1 (CareEventSerializer's form 2 added the register's types).
            assertThat(current.resolveSchemaCompatibility(old).isCompatibleAfterMigration())
                    .as("%s reads form 1 and rewrites it as form %d", serializer, serializer.formatVersion())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("jobSerializers")
    <T> void everyJobSerializerWritesItsFormatIntoItsSnapshot(VersionedSerializer<T> serializer) throws IOException {
        TypeSerializerSnapshot<T> old = restored(serializer.snapshotConfiguration());

        assertThat(old.getCurrentVersion()).isEqualTo(VersionedSerializerSnapshot.SNAPSHOT_VERSION);
        assertThat(((VersionedSerializerSnapshot<T>) old).formatVersion()).isEqualTo(serializer.formatVersion());
        assertThat(serializer
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(old)
                        .isCompatibleAsIs())
                .isTrue();
    }

    private static TypeSerializerSchemaCompatibility<Resident> compatibility(TypeSerializerSnapshot<Resident> old) {
        return ResidentSerializer.INSTANCE.snapshotConfiguration().resolveSchemaCompatibility(old);
    }

    /** As Flink writes a snapshot into a checkpoint: class name, snapshot version, payload. */
    private static byte[] snapshotBytes(Class<?> snapshotClass, int snapshotVersion, int... payload)
            throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeUTF(snapshotClass.getName());
        out.writeInt(snapshotVersion);
        for (int i : payload) {
            out.writeInt(i);
        }
        return out.getCopyOfBuffer();
    }

    private static <T> TypeSerializerSnapshot<T> restored(TypeSerializerSnapshot<T> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return restored(out.getCopyOfBuffer());
    }

    private static <T> TypeSerializerSnapshot<T> restored(byte[] bytes) throws IOException {
        return TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(bytes), VersionedSerializerSnapshotTest.class.getClassLoader());
    }
}
