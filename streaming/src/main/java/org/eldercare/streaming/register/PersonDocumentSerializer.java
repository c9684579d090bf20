package org.eldercare.streaming.register;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.ingest.event.Benefit;
import org.eldercare.ingest.event.BenefitType;
import org.eldercare.ingest.event.LivingArrangement;
import org.eldercare.search.register.Assessment;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.Label;
import org.eldercare.search.register.PersonDocument;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/** The binary form of a {@link PersonDocument}: kept in the register's state and sent to the sink. */
public final class PersonDocumentSerializer extends ImmutableSerializer<PersonDocument> {

    private static final long serialVersionUID = 1L;
    public static final PersonDocumentSerializer INSTANCE = new PersonDocumentSerializer();

    /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    private static final LivingArrangement[] ARRANGEMENTS = LivingArrangement.values();
    private static final BenefitType[] BENEFITS = BenefitType.values();
    private static final CareLabel[] LABELS = CareLabel.values();

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(PersonDocument d, DataOutputView out) throws IOException {
        Wire.string(d.personId(), out);
        Wire.string(d.districtCode(), out);
        Wire.string(d.streetCode(), out);
        Wire.string(d.nameMasked(), out);
        Wire.string(d.idNumberMasked(), out);
        Wire.string(d.phoneMasked(), out);
        Wire.string(d.idNumberDigest(), out);
        Wire.nullableLong(d.birthYear() == null ? null : d.birthYear().longValue(), out);
        Wire.nullableLong(d.age() == null ? null : d.age().longValue(), out);
        Wire.enumeration(d.livingArrangement(), out);
        out.writeInt(d.benefits().size());
        for (Benefit b : d.benefits()) {
            Wire.enumeration(b.type(), out);
            Wire.date(b.from(), out);
            Wire.date(b.to(), out);
        }
        Wire.nullableLong(
                d.disabilityCertificateLevel() == null
                        ? null
                        : d.disabilityCertificateLevel().longValue(),
                out);
        Assessment a = d.assessment();
        out.writeBoolean(a != null);
        if (a != null) {
            Wire.string(a.assessmentId(), out);
            out.writeInt(a.level());
            Wire.date(a.assessedOn(), out);
            Wire.string(a.organisation(), out);
            Wire.date(a.reassessDueOn(), out);
        }
        out.writeInt(d.labels().size());
        for (Label l : d.labels()) {
            Wire.enumeration(l.label(), out);
            Wire.string(l.evidence(), out);
        }
        Wire.strings(d.entitlements(), out);
        Wire.date(d.labelsOn(), out);
        Wire.time(d.updatedAt(), out);
    }

    @Override
    protected PersonDocument read(DataInputView in, int formatVersion) throws IOException {
        String personId = Wire.string(in);
        String districtCode = Wire.string(in);
        String streetCode = Wire.string(in);
        String nameMasked = Wire.string(in);
        String idMasked = Wire.string(in);
        String phoneMasked = Wire.string(in);
        String idDigest = Wire.string(in);
        Integer birthYear = integer(Wire.nullableLong(in));
        Integer age = integer(Wire.nullableLong(in));
        LivingArrangement arrangement = Wire.enumeration(ARRANGEMENTS, in);
        int benefitCount = in.readInt();
        List<Benefit> benefits = new ArrayList<>(benefitCount);
        for (int i = 0; i < benefitCount; i++) {
            benefits.add(new Benefit(Wire.enumeration(BENEFITS, in), Wire.date(in), Wire.date(in)));
        }
        Integer certificate = integer(Wire.nullableLong(in));
        Assessment assessment = in.readBoolean()
                ? new Assessment(Wire.string(in), in.readInt(), Wire.date(in), Wire.string(in), Wire.date(in))
                : null;
        int labelCount = in.readInt();
        List<Label> labels = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
            labels.add(new Label(Wire.enumeration(LABELS, in), Wire.string(in)));
        }
        return new PersonDocument(
                personId,
                districtCode,
                streetCode,
                nameMasked,
                idMasked,
                phoneMasked,
                idDigest,
                birthYear,
                age,
                arrangement,
                benefits,
                certificate,
                assessment,
                labels,
                Wire.strings(in),
                Wire.date(in),
                Wire.time(in));
    }

    private static Integer integer(Long value) {
        return value == null ? null : value.intValue();
    }

    @Override
    public TypeSerializerSnapshot<PersonDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint; needs a public no-argument constructor. */
    public static final class Snapshot extends VersionedSerializerSnapshot<PersonDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
