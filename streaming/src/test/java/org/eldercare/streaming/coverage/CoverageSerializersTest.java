package org.eldercare.streaming.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.eldercare.search.document.IndicatorDocument.Coverage;
import org.eldercare.search.document.IndicatorDocument.GroupCoverage;
import org.eldercare.search.register.CareLabel;
import org.eldercare.streaming.serde.ImmutableSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The coverage types survive the wire and state, absent parts included, and counts add up as shares replace. */
class CoverageSerializersTest {

    private static final int ALONE_AND_OVERDUE =
            1 << CareLabel.LIVING_ALONE.ordinal() | 1 << CareLabel.ASSESSMENT_OVERDUE.ordinal();
    private static final CoverageShare SHARE = new CoverageShare("110109001", "110109", ALONE_AND_OVERDUE, true);

    static Stream<Object> everyValue() {
        return Stream.of(
                SHARE,
                new RegisterEntry("p-1", "110109001", "110109", ALONE_AND_OVERDUE, 1_764_550_800_000L),
                new EntryUpdate("id/abc", "p-1", new RegisterEntry("p-1", "110109001", "110109", 0, 1L)),
                new EntryUpdate("id/abc", "p-1", null),
                new ServedUpdate("id/abc", "r-9", 1_764_550_800_000L),
                new ServedUpdate("id/abc", "r-9", null),
                new CoverageChange("id/abc", null, SHARE),
                new CoverageChange("id/abc", SHARE, null));
    }

    @ParameterizedTest
    @MethodSource("everyValue")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void survivesTheWire(Object value) throws Exception {
        ImmutableSerializer serializer = switch (value) {
            case CoverageShare s -> CoverageShare.Serializer.INSTANCE;
            case RegisterEntry e -> RegisterEntry.Serializer.INSTANCE;
            case EntryUpdate u -> EntryUpdate.Serializer.INSTANCE;
            case ServedUpdate u -> ServedUpdate.Serializer.INSTANCE;
            default -> CoverageChange.Serializer.INSTANCE;
        };
        assertThat(roundTrip(serializer, value)).isEqualTo(value);
    }

    @Test
    void countsReplaceAShareAndSurviveState() throws Exception {
        CoverageCounts counts = CoverageCounts.NONE
                .replace(null, SHARE)
                .replace(null, new CoverageShare("110109001", "110109", 0, false))
                .replace(SHARE, new CoverageShare("110109001", "110109", ALONE_AND_OVERDUE, false));

        Coverage coverage =
                roundTrip(CoverageCounts.Serializer.INSTANCE, counts).coverage();

        assertThat(coverage.registered()).isEqualTo(2);
        assertThat(coverage.entitled()).isEqualTo(1);
        assertThat(coverage.served()).isZero();
        assertThat(coverage.rate()).isEqualTo(0.0);
        assertThat(coverage.assessmentsOverdue()).isEqualTo(1);
        assertThat(coverage.groups()).hasSize(8).contains(new GroupCoverage("LIVING_ALONE", 1, 0, 0.0));
        assertThat(coverage.groups().getFirst()).isEqualTo(new GroupCoverage("AGE_80_PLUS", 0, 0, null));
    }

    @Test
    void theRateIsRoundedHalfUpToFourPlaces() {
        assertThat(Coverage.rate(5, 6)).isEqualTo(0.8333);
        assertThat(Coverage.rate(1, 32)).isEqualTo(0.0313);
        assertThat(Coverage.rate(0, 0)).isNull();
    }

    private static <T> T roundTrip(ImmutableSerializer<T> serializer, T value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
