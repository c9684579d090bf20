package org.eldercare.streaming.coverage;

import java.io.IOException;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.register.CareLabel;
import org.eldercare.search.register.Label;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;
import org.eldercare.streaming.serde.Wire;

/**
 * What one person adds to the coverage of their street and district (docs/CONTRACT.md §7.5): where they count, the
 * labels they hold today and whether they were served in the last 30 days.
 *
 * @param labels one bit per {@link CareLabel}, bit {@code ordinal()}; the first eight are the target groups
 */
public record CoverageShare(String streetCode, String districtCode, int labels, boolean served) {

    /** The target groups are the first {@value} labels, in {@link Coverage#GROUPS} order. */
    public static final int GROUPS = 8;

    private static final int TARGET_BITS = (1 << GROUPS) - 1;

    public static final TypeInformation<CoverageShare> TYPE =
            new ImmutableTypeInfo<>(CoverageShare.class, Serializer.INSTANCE);

    static {
        for (int i = 0; i < GROUPS; i++) {
            if (!CareLabel.values()[i].name().equals(Coverage.GROUPS.get(i))) {
                throw new IllegalStateException("coverage groups out of step with CareLabel at " + i);
            }
        }
    }

    /** The bits of {@code labels}. */
    public static int mask(List<Label> labels) {
        int mask = 0;
        for (Label l : labels) {
            mask |= 1 << l.label().ordinal();
        }
        return mask;
    }

    public boolean holds(int labelOrdinal) {
        return (labels & (1 << labelOrdinal)) != 0;
    }

    /** Holds at least one of the eight target labels. */
    public boolean entitled() {
        return (labels & TARGET_BITS) != 0;
    }

    public boolean overdue() {
        return holds(CareLabel.ASSESSMENT_OVERDUE.ordinal());
    }

    /** The binary form: kept in the scopes' state. */
    public static final class Serializer extends ImmutableSerializer<CoverageShare> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
        private static final int FORMAT = 1;

        @Override
        public int formatVersion() {
            return FORMAT;
        }

        @Override
        protected void write(CoverageShare s, DataOutputView out) throws IOException {
            Wire.string(s.streetCode(), out);
            Wire.string(s.districtCode(), out);
            out.writeInt(s.labels());
            out.writeBoolean(s.served());
        }

        @Override
        protected CoverageShare read(DataInputView in, int formatVersion) throws IOException {
            return new CoverageShare(Wire.string(in), Wire.string(in), in.readInt(), in.readBoolean());
        }

        @Override
        public TypeSerializerSnapshot<CoverageShare> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<CoverageShare> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
