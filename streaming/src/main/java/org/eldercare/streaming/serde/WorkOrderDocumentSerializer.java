package org.eldercare.streaming.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.document.WorkOrderDocument;

/** The binary form of a {@link WorkOrderDocument} (docs/CONTRACT.md §10.2), field by field; nullable numbers tagged. */
public final class WorkOrderDocumentSerializer extends ImmutableSerializer<WorkOrderDocument> {

    private static final long serialVersionUID = 1L;
    public static final WorkOrderDocumentSerializer INSTANCE = new WorkOrderDocumentSerializer();

    /** Form 1, the first. Bump it when a field changes (see {@code VersionedSerializer}). */
    private static final int FORMAT = 1;

    @Override
    public int formatVersion() {
        return FORMAT;
    }

    @Override
    protected void write(WorkOrderDocument w, DataOutputView out) throws IOException {
        Wire.string(w.workOrderId(), out);
        Wire.string(w.callId(), out);
        Wire.string(w.requestType(), out);
        Wire.string(w.districtCode(), out);
        Wire.string(w.streetCode(), out);
        Wire.geo(w.location(), out);
        Wire.string(w.recipientId(), out);
        Wire.string(w.state(), out);
        Wire.time(w.openedAt(), out);
        Wire.time(w.dispatchedAt(), out);
        Wire.string(w.facilityId(), out);
        out.writeBoolean(w.distanceKm() != null);
        if (w.distanceKm() != null) {
            out.writeDouble(w.distanceKm());
        }
        Wire.time(w.closedAt(), out);
        Wire.string(w.closedBy(), out);
        writeLong(w.secondsToDispatch(), out);
        writeLong(w.secondsToClose(), out);
    }

    @Override
    protected WorkOrderDocument read(DataInputView in, int formatVersion) throws IOException {
        return new WorkOrderDocument(
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.string(in),
                Wire.geo(in),
                Wire.string(in),
                Wire.string(in),
                Wire.time(in),
                Wire.time(in),
                Wire.string(in),
                in.readBoolean() ? in.readDouble() : null,
                Wire.time(in),
                Wire.string(in),
                readLong(in),
                readLong(in));
    }

    private static void writeLong(Long value, DataOutputView out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeLong(value);
        }
    }

    private static Long readLong(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readLong() : null;
    }

    @Override
    public TypeSerializerSnapshot<WorkOrderDocument> snapshotConfiguration() {
        return new Snapshot();
    }

    public static final class Snapshot extends VersionedSerializerSnapshot<WorkOrderDocument> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
