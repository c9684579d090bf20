package org.eldercare.streaming.recipient;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/** The binary form of a {@link RecipientEntry}, field by field. */
public final class RecipientEntrySerializer extends ImmutableSerializer<RecipientEntry> {

    private static final long serialVersionUID = 1L;
    public static final RecipientEntrySerializer INSTANCE = new RecipientEntrySerializer();

    /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(RecipientEntry e, DataOutputView out) throws IOException {
        RecipientDocument d = e.person();
        Wire.string(d.recipientId(), out);
        Wire.string(d.name(), out);
        Wire.strings(d.names(), out);
        Wire.strings(d.nameBigrams(), out);
        Wire.strings(d.namePinyin(), out);
        Wire.strings(d.surnameBirthKeys(), out);
        Wire.strings(d.idHashes(), out);
        Wire.strings(d.weakIdHashes(), out);
        Wire.strings(d.idCorrectionHashes(), out);
        Wire.string(d.idNumberMasked(), out);
        Wire.strings(d.phoneHashes(), out);
        Wire.string(d.phoneMasked(), out);
        Wire.string(d.birthYear() == null ? null : d.birthYear().toString(), out);
        Wire.strings(d.birthDigests(), out);
        Wire.string(d.gender(), out);
        Wire.strings(d.genders(), out);
        Wire.string(d.districtCode(), out);
        Wire.string(d.streetCode(), out);
        Wire.strings(d.districtCodes(), out);
        Wire.strings(d.streetCodes(), out);
        Wire.geo(d.location(), out);
        Wire.geos(d.locations(), out);
        out.writeLong(d.servicesCount());
        Wire.string(d.firstSeenAt(), out);
        Wire.string(d.lastServiceAt(), out);
        Wire.strings(e.mergedIds(), out);
        Wire.string(e.mergedInto(), out);
        Wire.string(e.mergedAt(), out);
        Wire.strings(e.mergedOn(), out);
    }

    @Override
    protected RecipientEntry read(DataInputView in, int formatVersion) throws IOException {
        RecipientDocument d = new RecipientDocument(
                Wire.string(in),
                Wire.string(in),
                Wire.strings(in),
                Wire.strings(in),
                Wire.strings(in),
                Wire.strings(in),
                Wire.strings(in),
                Wire.strings(in),
                Wire.strings(in),
                Wire.string(in),
                Wire.strings(in),
                Wire.string(in),
                ServiceRecordSerializer.birthYear(Wire.string(in)),
                Wire.strings(in),
                Wire.string(in),
                Wire.strings(in),
                Wire.string(in),
                Wire.string(in),
                Wire.strings(in),
                Wire.strings(in),
                Wire.geo(in),
                Wire.geos(in),
                in.readLong(),
                Wire.string(in),
                Wire.string(in));
        return new RecipientEntry(d, Wire.strings(in), Wire.string(in), Wire.string(in), Wire.strings(in));
    }

    @Override
    public TypeSerializerSnapshot<RecipientEntry> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints. */
    public static final class Snapshot extends VersionedSerializerSnapshot<RecipientEntry> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
