package org.eldercare.streaming.recipient;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.resolve.Person;
import org.eldercare.search.resolve.RecipientProfile;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/** The binary form of a resolved {@link Person} with its evidence profile, for the resolver's checkpointed state. */
public final class PersonSerializer extends ImmutableSerializer<Person> {

    private static final long serialVersionUID = 1L;
    public static final PersonSerializer INSTANCE = new PersonSerializer();

    /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(Person p, DataOutputView out) throws IOException {
        Wire.string(p.recipientId(), out);
        Wire.instant(p.firstSeenAt(), out);
        writeProfile(p.profile(), out);
        out.writeInt(p.nameCounts().size());
        for (Map.Entry<String, Integer> e : p.nameCounts().entrySet()) {
            Wire.string(e.getKey(), out);
            out.writeInt(e.getValue());
        }
        Wire.string(p.idNumberMasked(), out);
        Wire.string(p.phoneMasked(), out);
        Wire.date(p.birthDate(), out);
        Wire.string(p.gender(), out);
        Wire.string(p.districtCode(), out);
        Wire.string(p.streetCode(), out);
        out.writeLong(p.servicesCount());
        Wire.instant(p.lastServiceAt(), out);
    }

    @Override
    protected Person read(DataInputView in, int formatVersion) throws IOException {
        String id = Wire.string(in);
        Instant firstSeen = Wire.instant(in);
        RecipientProfile profile = readProfile(in);
        int names = in.readInt();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < names; i++) {
            counts.put(Wire.string(in), in.readInt());
        }
        return new Person(
                id,
                firstSeen,
                profile,
                counts,
                Wire.string(in),
                Wire.string(in),
                Wire.date(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                in.readLong(),
                Wire.instant(in));
    }

    private static void writeProfile(RecipientProfile p, DataOutputView out) throws IOException {
        Wire.strings(p.names(), out);
        Wire.strings(p.idHashes(), out);
        Wire.strings(p.weakIdHashes(), out);
        Wire.strings(p.idCorrectionHashes(), out);
        Wire.strings(p.phoneHashes(), out);
        out.writeInt(p.birthDates().size());
        for (LocalDate d : p.birthDates()) {
            Wire.date(d, out);
        }
        Wire.strings(p.genders(), out);
        Wire.strings(p.districtCodes(), out);
        Wire.strings(p.streetCodes(), out);
        Wire.geos(p.locations(), out);
    }

    private static RecipientProfile readProfile(DataInputView in) throws IOException {
        Set<String> names = Wire.stringSet(in);
        Set<String> ids = Wire.stringSet(in);
        Set<String> weakIds = Wire.stringSet(in);
        Set<String> corrections = Wire.stringSet(in);
        Set<String> phones = Wire.stringSet(in);
        int births = in.readInt();
        Set<LocalDate> birthDates = new LinkedHashSet<>();
        for (int i = 0; i < births; i++) {
            birthDates.add(Wire.date(in));
        }
        return new RecipientProfile(
                names,
                ids,
                weakIds,
                corrections,
                phones,
                birthDates,
                Wire.stringSet(in),
                Wire.stringSet(in),
                Wire.stringSet(in),
                Wire.geos(in));
    }

    @Override
    public TypeSerializerSnapshot<Person> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints. */
    public static final class Snapshot extends VersionedSerializerSnapshot<Person> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
