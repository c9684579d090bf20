package org.eldercare.streaming.recipient;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.normalize.NameNormalizer;
import org.eldercare.search.normalize.NormalizedRecipient;
import org.eldercare.search.normalize.Place;
import org.eldercare.streaming.serde.CareEventSerializer;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/**
 * The binary form of a {@link PreparedRecord} between the preparing instances and the resolver (and in an unaligned
 * checkpoint's in-flight data): the event in {@link CareEventSerializer}'s form, then the prepared recipient. The name
 * travels as its cleaned text; its split and pinyin are derived again on read ({@link NameNormalizer#ofCleanText}).
 */
public final class PreparedRecordSerializer extends ImmutableSerializer<PreparedRecord> {

    private static final long serialVersionUID = 1L;
    public static final PreparedRecordSerializer INSTANCE = new PreparedRecordSerializer();

    /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(PreparedRecord p, DataOutputView out) throws IOException {
        CareEventSerializer.INSTANCE.serialize(p.event(), out);
        NormalizedRecipient r = p.recipient();
        out.writeBoolean(r != null);
        if (r == null) {
            return;
        }
        Wire.string(r.name().text(), out);
        Wire.string(r.idHash(), out);
        out.writeBoolean(r.idValid());
        Wire.strings(r.idCorrectionHashes().stream().sorted().toList(), out);
        Wire.string(r.idNumberMasked(), out);
        Wire.string(r.phoneHash(), out);
        Wire.string(r.phoneMasked(), out);
        Wire.nullableLong(r.birthYear() == null ? null : r.birthYear().longValue(), out);
        Wire.strings(r.birthDigests(), out);
        Wire.string(r.gender(), out);
        out.writeBoolean(r.place() != null);
        if (r.place() != null) {
            Wire.string(r.place().districtCode(), out);
            Wire.string(r.place().streetCode(), out);
        }
        Wire.geo(r.location(), out);
        Wire.string(r.dwellingHash(), out);
        Wire.strings(p.blockingKeys(), out);
    }

    @Override
    protected PreparedRecord read(DataInputView in, int formatVersion) throws IOException {
        var event = CareEventSerializer.INSTANCE.deserialize(in);
        if (!in.readBoolean()) {
            return PreparedRecord.of(event);
        }
        String name = Wire.string(in);
        String idHash = Wire.string(in);
        boolean idValid = in.readBoolean();
        List<String> corrections = Wire.strings(in);
        String idMasked = Wire.string(in);
        String phoneHash = Wire.string(in);
        String phoneMasked = Wire.string(in);
        Long birthYear = Wire.nullableLong(in);
        List<String> birthDigests = Wire.strings(in);
        String gender = Wire.string(in);
        Place place = in.readBoolean() ? new Place(Wire.string(in), Wire.string(in)) : null;
        var location = Wire.geo(in);
        String dwelling = Wire.string(in);
        List<String> keys = Wire.strings(in);
        NormalizedRecipient r = new NormalizedRecipient(
                NameNormalizer.ofCleanText(name),
                idHash,
                idValid,
                corrections == null ? null : java.util.Set.copyOf(corrections),
                idMasked,
                phoneHash,
                phoneMasked,
                null,
                birthDigests,
                gender,
                place,
                location,
                dwelling,
                birthYear == null ? null : birthYear.intValue());
        return new PreparedRecord(event, r, keys);
    }

    @Override
    public TypeSerializerSnapshot<PreparedRecord> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints. */
    public static final class Snapshot extends VersionedSerializerSnapshot<PreparedRecord> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
