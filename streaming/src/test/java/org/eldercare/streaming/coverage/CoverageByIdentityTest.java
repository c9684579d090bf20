package org.eldercare.streaming.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.search.register.CareLabel;
import org.eldercare.streaming.time.ShanghaiTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One person's coverage share: who stands for a person entered twice, and "served" ageing out at midnight. */
class CoverageByIdentityTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final String WANG = RegisterIdentities.digestIdentity("digest-of-wang");
    private static final int ALONE = 1 << CareLabel.LIVING_ALONE.ordinal() | 1 << CareLabel.EMPTY_NEST.ordinal();
    private static final int OVER_80 = 1 << CareLabel.AGE_80_PLUS.ordinal();

    private KeyedTwoInputStreamOperatorTestHarness<String, EntryUpdate, ServedUpdate, CoverageChange> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new CoverageByIdentity(), EntryUpdate::identity, ServedUpdate::identity, Types.STRING);
        harness.setProcessingTime(millisAt(TODAY, 9));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void aServiceTwentyNineDaysAgoCountsUntilMidnightAndThenAgesOutWithNoNewEvent() throws Exception {
        harness.processElement1(entry("p-1", "110109001", ALONE, 1), 0);
        harness.processElement2(served("r-1", millisAt(TODAY.minusDays(29), 10)), 0);
        assertThat(latest().served()).isTrue();
        int published = harness.extractOutputValues().size();

        harness.setProcessingTime(millisAt(TODAY.plusDays(1), 0) - 1);
        assertThat(harness.extractOutputValues())
                .as("still served before midnight")
                .hasSize(published);

        harness.setProcessingTime(millisAt(TODAY.plusDays(1), 0));
        CoverageChange aged = harness.extractOutputValues().getLast();
        assertThat(aged.before().served()).isTrue();
        assertThat(aged.after().served()).isFalse();
        assertThat(aged.after().labels()).isEqualTo(ALONE);
    }

    @Test
    void aServiceThirtyDaysAgoIsOutsideTheWindow() throws Exception {
        harness.processElement1(entry("p-1", "110109001", ALONE, 1), 0);
        harness.processElement2(served("r-1", millisAt(TODAY.minusDays(30), 23)), 0);

        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(latest().served()).isFalse();
    }

    @Test
    void aPersonEnteredTwiceCountsOnceAsTheEntryUpdatedLast() throws Exception {
        harness.processElement1(entry("p-1", "110109001", ALONE, 2), 0);
        harness.processElement1(entry("p-7", "110109002", OVER_80, 1), 0);

        assertThat(latest()).isEqualTo(new CoverageShare("110109001", "110109", ALONE, false));
        assertThat(harness.extractOutputValues())
                .as("the older entry changes nothing")
                .hasSize(1);

        harness.processElement1(entry("p-7", "110109002", OVER_80, 3), 0);
        assertThat(latest()).isEqualTo(new CoverageShare("110109002", "110109", OVER_80, false));

        harness.processElement1(new EntryUpdate(WANG, "p-7", null), 0);
        assertThat(latest())
                .as("p-7 filed elsewhere: p-1 stands again")
                .isEqualTo(new CoverageShare("110109001", "110109", ALONE, false));
    }

    @Test
    void aResentServiceOrEntryChangesNothingAndAWithdrawnRecipientStopsCounting() throws Exception {
        harness.processElement1(entry("p-1", "110109001", ALONE, 1), 0);
        harness.processElement2(served("r-1", millisAt(TODAY, 8)), 0);
        harness.processElement2(served("r-1", millisAt(TODAY, 8)), 0);
        harness.processElement1(entry("p-1", "110109001", ALONE, 1), 0);
        assertThat(harness.extractOutputValues()).hasSize(2);

        harness.processElement2(new ServedUpdate(WANG, "r-1", null), 0);

        assertThat(latest().served()).isFalse();
        assertThat(harness.extractOutputValues()).hasSize(3);
    }

    private CoverageShare latest() {
        List<CoverageChange> out = harness.extractOutputValues();
        return out.getLast().after();
    }

    private static EntryUpdate entry(String personId, String street, int labels, long updatedAt) {
        return new EntryUpdate(
                WANG, personId, new RegisterEntry(personId, street, street.substring(0, 6), labels, updatedAt));
    }

    private static ServedUpdate served(String recipientId, long at) {
        return new ServedUpdate(WANG, recipientId, at);
    }

    private static long millisAt(LocalDate day, int hour) {
        return LocalDateTime.of(day, LocalTime.of(hour, 0))
                .atZone(ShanghaiTime.ZONE)
                .toInstant()
                .toEpochMilli();
    }
}
