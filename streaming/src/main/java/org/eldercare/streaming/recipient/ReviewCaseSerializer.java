package org.eldercare.streaming.recipient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.resolve.FieldEvidence;
import org.eldercare.search.resolve.ReviewCase;
import org.eldercare.search.resolve.ReviewCaseDocument;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/** The binary form of a {@link ReviewCaseDocument}, in the resolver's state and on its side output. */
public final class ReviewCaseSerializer extends ImmutableSerializer<ReviewCaseDocument> {

    private static final long serialVersionUID = 1L;
    public static final ReviewCaseSerializer INSTANCE = new ReviewCaseSerializer();

    /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    private static final FieldEvidence.Outcome[] OUTCOMES = FieldEvidence.Outcome.values();

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(ReviewCaseDocument d, DataOutputView out) throws IOException {
        Wire.string(d.caseId(), out);
        Wire.string(d.status(), out);
        Wire.string(d.reason(), out);
        out.writeDouble(d.probability());
        out.writeDouble(d.logOdds());
        Wire.string(d.raisedAt(), out);
        Wire.string(d.updatedAt(), out);
        writeSide(d.left(), out);
        writeSide(d.right(), out);
        out.writeInt(d.evidence().size());
        for (FieldEvidence e : d.evidence()) {
            Wire.string(e.field(), out);
            Wire.enumeration(e.outcome(), out);
            out.writeDouble(e.weight());
        }
        Wire.strings(d.idDigests(), out);
        out.writeBoolean(d.decision() != null);
        if (d.decision() != null) {
            Wire.string(d.decision().decision(), out);
            Wire.string(d.decision().reviewer(), out);
            Wire.string(d.decision().reason(), out);
            Wire.string(d.decision().decidedAt(), out);
        }
    }

    @Override
    protected ReviewCaseDocument read(DataInputView in, int formatVersion) throws IOException {
        String caseId = Wire.string(in);
        String status = Wire.string(in);
        String reason = Wire.string(in);
        double probability = in.readDouble();
        double logOdds = in.readDouble();
        String raisedAt = Wire.string(in);
        String updatedAt = Wire.string(in);
        ReviewCase.Side left = readSide(in);
        ReviewCase.Side right = readSide(in);
        int count = in.readInt();
        List<FieldEvidence> evidence = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            evidence.add(new FieldEvidence(Wire.string(in), Wire.enumeration(OUTCOMES, in), in.readDouble()));
        }
        List<String> digests = Wire.strings(in);
        ReviewCaseDocument.Decision decision = in.readBoolean()
                ? new ReviewCaseDocument.Decision(Wire.string(in), Wire.string(in), Wire.string(in), Wire.string(in))
                : null;
        return new ReviewCaseDocument(
                caseId,
                status,
                reason,
                probability,
                logOdds,
                raisedAt,
                updatedAt,
                left,
                right,
                evidence,
                digests,
                decision);
    }

    private static void writeSide(ReviewCase.Side s, DataOutputView out) throws IOException {
        Wire.string(s.recipientId(), out);
        Wire.string(s.nameMasked(), out);
        Wire.string(s.idNumberMasked(), out);
        Wire.string(s.phoneMasked(), out);
        Wire.nullableLong(s.birthYear() == null ? null : s.birthYear().longValue(), out);
        Wire.string(s.gender(), out);
        Wire.string(s.districtCode(), out);
        Wire.string(s.streetCode(), out);
        out.writeLong(s.servicesCount());
        Wire.string(s.lastServiceAt(), out);
    }

    private static ReviewCase.Side readSide(DataInputView in) throws IOException {
        String id = Wire.string(in);
        String name = Wire.string(in);
        String idMasked = Wire.string(in);
        String phoneMasked = Wire.string(in);
        Long year = Wire.nullableLong(in);
        return new ReviewCase.Side(
                id,
                name,
                idMasked,
                phoneMasked,
                year == null ? null : year.intValue(),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                in.readLong(),
                Wire.string(in));
    }

    @Override
    public TypeSerializerSnapshot<ReviewCaseDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from checkpoints. */
    public static final class Snapshot extends VersionedSerializerSnapshot<ReviewCaseDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
