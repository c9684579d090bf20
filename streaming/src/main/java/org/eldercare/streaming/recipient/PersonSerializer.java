package org.eldercare.streaming.recipient;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.search.resolve.Person;
import org.eldercare.search.resolve.RecipientProfile;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/**
 * The binary form of a resolved {@link Person} with its evidence profile, for the resolver's checkpointed state. It
 * holds no birth date in clear (docs/CONTRACT.md §6.7): only birth years and the keyed digests of the dates.
 */
public final class PersonSerializer extends ImmutableSerializer<Person> {

    private static final long serialVersionUID = 1L;
    public static final PersonSerializer INSTANCE = new PersonSerializer();

    /**
     * Form 2: birth years and keyed birth-date digests in place of the dates. Form 1, the first release's, held the
     * dates in clear; it reads with their years only, and {@link ResolveRecipients} restores their digests from the
     * blocking keys of that form (see {@code LegacyBirthKeys}). Bump it when a field changes (see {@code
     * VersionedSerializer}). Form 3 adds the keyed dwelling digests; forms 1 and 2 read with none, and a person's
     * next record brings its dwelling.
     */
    private static final int FORMAT = 3;

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
        Wire.nullableLong(p.birthYear() == null ? null : p.birthYear().longValue(), out);
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
        RecipientProfile profile = readProfile(in, formatVersion);
        int names = in.readInt();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < names; i++) {
            counts.put(Wire.string(in), in.readInt());
        }
        String idMasked = Wire.string(in);
        String phoneMasked = Wire.string(in);
        Integer birthYear;
        if (formatVersion == 1) {
            LocalDate date = Wire.date(in);
            birthYear = date == null ? null : date.getYear();
        } else {
            Long year = Wire.nullableLong(in);
            birthYear = year == null ? null : year.intValue();
        }
        return new Person(
                id,
                firstSeen,
                profile,
                counts,
                idMasked,
                phoneMasked,
                birthYear,
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
        out.writeInt(p.birthYears().size());
        for (Integer year : p.birthYears()) {
            out.writeInt(year);
        }
        Wire.strings(p.genders(), out);
        Wire.strings(p.districtCodes(), out);
        Wire.strings(p.streetCodes(), out);
        Wire.geos(p.locations(), out);
        Wire.strings(p.birthDigests(), out);
        Wire.strings(p.dwellingHashes(), out);
    }

    private static RecipientProfile readProfile(DataInputView in, int formatVersion) throws IOException {
        Set<String> names = Wire.stringSet(in);
        Set<String> ids = Wire.stringSet(in);
        Set<String> weakIds = Wire.stringSet(in);
        Set<String> corrections = Wire.stringSet(in);
        Set<String> phones = Wire.stringSet(in);
        int births = in.readInt();
        Set<Integer> birthYears = new LinkedHashSet<>();
        for (int i = 0; i < births; i++) {
            // Form 1 held whole dates: only their years are kept, the date never leaves this method.
            birthYears.add(formatVersion == 1 ? Wire.date(in).getYear() : in.readInt());
        }
        Set<String> genders = Wire.stringSet(in);
        Set<String> districts = Wire.stringSet(in);
        Set<String> streets = Wire.stringSet(in);
        List<GeoPoint> locations = Wire.geos(in);
        Set<String> digests = formatVersion == 1 ? Set.of() : Wire.stringSet(in);
        Set<String> dwellings = formatVersion < 3 ? Set.of() : Wire.stringSet(in);
        return new RecipientProfile(
                names,
                ids,
                weakIds,
                corrections,
                phones,
                birthYears,
                genders,
                districts,
                streets,
                locations,
                digests,
                dwellings);
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
