package org.eldercare.streaming.coverage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.document.IndicatorDocument.GroupCoverage;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.eldercare.streaming.serde.ImmutableTypeInfo;
import org.eldercare.streaming.serde.VersionedSerializerSnapshot;

/**
 * The running coverage counts of one scope: the sum of its people's {@link CoverageShare}s. Immutable; {@link
 * #replace} gives the counts with one person's share swapped for another.
 */
public final class CoverageCounts {

    public static final CoverageCounts NONE =
            new CoverageCounts(0, 0, 0, 0, new long[CoverageShare.GROUPS], new long[CoverageShare.GROUPS]);

    public static final TypeInformation<CoverageCounts> TYPE =
            new ImmutableTypeInfo<>(CoverageCounts.class, Serializer.INSTANCE);

    private final long registered;
    private final long entitled;
    private final long served;
    private final long overdue;
    private final long[] groupEntitled;
    private final long[] groupServed;

    private CoverageCounts(
            long registered, long entitled, long served, long overdue, long[] groupEntitled, long[] groupServed) {
        this.registered = registered;
        this.entitled = entitled;
        this.served = served;
        this.overdue = overdue;
        this.groupEntitled = groupEntitled;
        this.groupServed = groupServed;
    }

    /** These counts without {@code before} and with {@code after}; either may be null (nobody). */
    public CoverageCounts replace(CoverageShare before, CoverageShare after) {
        long[] e = groupEntitled.clone();
        long[] s = groupServed.clone();
        long[] totals = {registered, entitled, served, overdue};
        add(before, -1, totals, e, s);
        add(after, 1, totals, e, s);
        return new CoverageCounts(totals[0], totals[1], totals[2], totals[3], e, s);
    }

    private static void add(CoverageShare share, int sign, long[] totals, long[] e, long[] s) {
        if (share == null) {
            return;
        }
        totals[0] += sign;
        if (share.entitled()) {
            totals[1] += sign;
            totals[2] += share.served() ? sign : 0;
        }
        totals[3] += share.overdue() ? sign : 0;
        for (int g = 0; g < CoverageShare.GROUPS; g++) {
            if (share.holds(g)) {
                e[g] += sign;
                s[g] += share.served() ? sign : 0;
            }
        }
    }

    /** The indicator object's {@code coverage} (docs/CONTRACT.md §7.5). */
    public Coverage coverage() {
        List<GroupCoverage> groups = new ArrayList<>(CoverageShare.GROUPS);
        for (int g = 0; g < CoverageShare.GROUPS; g++) {
            groups.add(new GroupCoverage(
                    Coverage.GROUPS.get(g),
                    groupEntitled[g],
                    groupServed[g],
                    Coverage.rate(groupServed[g], groupEntitled[g])));
        }
        return new Coverage(registered, entitled, served, Coverage.rate(served, entitled), overdue, groups);
    }

    /** The binary form: kept in the scopes' state. */
    public static final class Serializer extends ImmutableSerializer<CoverageCounts> {
        private static final long serialVersionUID = 1L;
        public static final Serializer INSTANCE = new Serializer();

        /** Form 1: the form of the first release. Bump it when a field changes (see {@code VersionedSerializer}). */
        private static final int FORMAT = 1;

        @Override
        public int formatVersion() {
            return FORMAT;
        }

        @Override
        protected void write(CoverageCounts c, DataOutputView out) throws IOException {
            out.writeLong(c.registered);
            out.writeLong(c.entitled);
            out.writeLong(c.served);
            out.writeLong(c.overdue);
            out.writeInt(c.groupEntitled.length);
            for (int g = 0; g < c.groupEntitled.length; g++) {
                out.writeLong(c.groupEntitled[g]);
                out.writeLong(c.groupServed[g]);
            }
        }

        @Override
        protected CoverageCounts read(DataInputView in, int formatVersion) throws IOException {
            long registered = in.readLong();
            long entitled = in.readLong();
            long served = in.readLong();
            long overdue = in.readLong();
            int groups = in.readInt();
            long[] e = new long[CoverageShare.GROUPS];
            long[] s = new long[CoverageShare.GROUPS];
            for (int g = 0; g < groups; g++) {
                e[g] = in.readLong();
                s[g] = in.readLong();
            }
            return new CoverageCounts(registered, entitled, served, overdue, e, s);
        }

        @Override
        public TypeSerializerSnapshot<CoverageCounts> snapshotConfiguration() {
            return new Snapshot();
        }

        public static final class Snapshot extends VersionedSerializerSnapshot<CoverageCounts> {
            public Snapshot() {
                super(() -> INSTANCE);
            }
        }
    }
}
