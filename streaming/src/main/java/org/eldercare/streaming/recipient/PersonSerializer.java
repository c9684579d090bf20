package org.eldercare.streaming.recipient;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.resolve.Person;
import org.eldercare.search.resolve.RecipientProfile;
import org.eldercare.streaming.serde.ImmutableSerializer;

/** The binary form of a resolved {@link Person} with its evidence profile, for the resolver's checkpointed state. */
public final class PersonSerializer extends ImmutableSerializer<Person> {

    private static final long serialVersionUID = 1L;
    public static final PersonSerializer INSTANCE = new PersonSerializer();

    @Override
    protected void write(Person p, DataOutputView out) throws IOException {
        Binary.string(p.recipientId(), out);
        Binary.instant(p.firstSeenAt(), out);
        writeProfile(p.profile(), out);
        out.writeInt(p.nameCounts().size());
        for (Map.Entry<String, Integer> e : p.nameCounts().entrySet()) {
            Binary.string(e.getKey(), out);
            out.writeInt(e.getValue());
        }
        Binary.string(p.idNumberMasked(), out);
        Binary.string(p.phoneMasked(), out);
        Binary.date(p.birthDate(), out);
        Binary.string(p.gender(), out);
        Binary.string(p.districtCode(), out);
        Binary.string(p.streetCode(), out);
        out.writeLong(p.servicesCount());
        Binary.instant(p.lastServiceAt(), out);
    }

    @Override
    protected Person read(DataInputView in) throws IOException {
        String id = Binary.string(in);
        Instant firstSeen = Binary.instant(in);
        RecipientProfile profile = readProfile(in);
        int names = in.readInt();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < names; i++) {
            counts.put(Binary.string(in), in.readInt());
        }
        return new Person(
                id,
                firstSeen,
                profile,
                counts,
                Binary.string(in),
                Binary.string(in),
                Binary.date(in),
                Binary.string(in),
                Binary.string(in),
                Binary.string(in),
                in.readLong(),
                Binary.instant(in));
    }

    private static void writeProfile(RecipientProfile p, DataOutputView out) throws IOException {
        Binary.strings(p.names(), out);
        Binary.strings(p.idHashes(), out);
        Binary.strings(p.weakIdHashes(), out);
        Binary.strings(p.idCorrectionHashes(), out);
        Binary.strings(p.phoneHashes(), out);
        out.writeInt(p.birthDates().size());
        for (LocalDate d : p.birthDates()) {
            Binary.date(d, out);
        }
        Binary.strings(p.genders(), out);
        Binary.strings(p.districtCodes(), out);
        Binary.strings(p.streetCodes(), out);
        Binary.geos(p.locations(), out);
    }

    private static RecipientProfile readProfile(DataInputView in) throws IOException {
        Set<String> names = Binary.stringSet(in);
        Set<String> ids = Binary.stringSet(in);
        Set<String> weakIds = Binary.stringSet(in);
        Set<String> corrections = Binary.stringSet(in);
        Set<String> phones = Binary.stringSet(in);
        int births = in.readInt();
        Set<LocalDate> birthDates = new LinkedHashSet<>();
        for (int i = 0; i < births; i++) {
            birthDates.add(Binary.date(in));
        }
        return new RecipientProfile(
                names,
                ids,
                weakIds,
                corrections,
                phones,
                birthDates,
                Binary.stringSet(in),
                Binary.stringSet(in),
                Binary.stringSet(in),
                Binary.geos(in));
    }

    @Override
    public TypeSerializerSnapshot<Person> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Person> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
