package org.eldercare.streaming.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.time.ShanghaiTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MinuteHistoryTest {

    private static final long NINE = Events.T0.toInstant().toEpochMilli();
    private KeyedOneInputStreamOperatorTestHarness<String, IndicatorDocument, IndicatorDocument> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new MinuteHistory(), IndicatorDocument::code, Types.STRING);
        harness.setProcessingTime(NINE);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static IndicatorDocument beds(long beds, long at) {
        return new IndicatorDocument(
                "110109001",
                "大峪街道",
                "STREET",
                1000L,
                200L,
                beds,
                null,
                0,
                null,
                0,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                0,
                0,
                0,
                List.of(),
                ShanghaiTime.at(at));
    }

    @Test
    void writesTheLastValueOfEachMinuteWhenTheMinuteEnds() throws Exception {
        harness.processElement(beds(1, NINE + 1_000), 0);
        harness.processElement(beds(2, NINE + 30_000), 0);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.setProcessingTime(NINE + 60_000);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(p -> {
            assertThat(p.beds()).isEqualTo(2);
            assertThat(MinuteHistory.id(p)).isEqualTo("110109001|2026-11-23T09:00");
        });
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void aValueOfALaterMinuteWritesTheHeldOneFirst() throws Exception {
        harness.processElement(beds(1, NINE + 1_000), 0);
        harness.processElement(beds(2, NINE + 61_000), 0);

        assertThat(harness.extractOutputValues())
                .extracting(MinuteHistory::id)
                .containsExactly("110109001|2026-11-23T09:00");
    }
}
