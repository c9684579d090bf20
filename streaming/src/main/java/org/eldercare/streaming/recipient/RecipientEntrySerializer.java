package org.eldercare.streaming.recipient;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.match.RecipientDocument;
import org.eldercare.streaming.serde.ImmutableSerializer;

/** The binary form of a {@link RecipientEntry}, field by field. */
public final class RecipientEntrySerializer extends ImmutableSerializer<RecipientEntry> {

    private static final long serialVersionUID = 1L;
    public static final RecipientEntrySerializer INSTANCE = new RecipientEntrySerializer();

    @Override
    protected void write(RecipientEntry e, DataOutputView out) throws IOException {
        RecipientDocument d = e.person();
        Binary.string(d.recipientId(), out);
        Binary.string(d.name(), out);
        Binary.strings(d.names(), out);
        Binary.strings(d.nameBigrams(), out);
        Binary.strings(d.namePinyin(), out);
        Binary.strings(d.surnameBirthKeys(), out);
        Binary.strings(d.idHashes(), out);
        Binary.strings(d.weakIdHashes(), out);
        Binary.strings(d.idCorrectionHashes(), out);
        Binary.string(d.idNumberMasked(), out);
        Binary.strings(d.phoneHashes(), out);
        Binary.string(d.phoneMasked(), out);
        Binary.string(d.birthDate(), out);
        Binary.strings(d.birthDates(), out);
        Binary.string(d.gender(), out);
        Binary.strings(d.genders(), out);
        Binary.string(d.districtCode(), out);
        Binary.string(d.streetCode(), out);
        Binary.strings(d.districtCodes(), out);
        Binary.strings(d.streetCodes(), out);
        Binary.geo(d.location(), out);
        Binary.geos(d.locations(), out);
        out.writeLong(d.servicesCount());
        Binary.string(d.firstSeenAt(), out);
        Binary.string(d.lastServiceAt(), out);
        Binary.strings(e.mergedIds(), out);
        Binary.string(e.mergedInto(), out);
        Binary.string(e.mergedAt(), out);
        Binary.strings(e.mergedOn(), out);
    }

    @Override
    protected RecipientEntry read(DataInputView in) throws IOException {
        RecipientDocument d = new RecipientDocument(
                Binary.string(in),
                Binary.string(in),
                Binary.stringList(in),
                Binary.stringList(in),
                Binary.stringList(in),
                Binary.stringList(in),
                Binary.stringList(in),
                Binary.stringList(in),
                Binary.stringList(in),
                Binary.string(in),
                Binary.stringList(in),
                Binary.string(in),
                Binary.string(in),
                Binary.stringList(in),
                Binary.string(in),
                Binary.stringList(in),
                Binary.string(in),
                Binary.string(in),
                Binary.stringList(in),
                Binary.stringList(in),
                Binary.geo(in),
                Binary.geos(in),
                in.readLong(),
                Binary.string(in),
                Binary.string(in));
        return new RecipientEntry(
                d, Binary.stringList(in), Binary.string(in), Binary.string(in), Binary.stringList(in));
    }

    @Override
    public TypeSerializerSnapshot<RecipientEntry> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RecipientEntry> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
