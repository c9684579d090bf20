package org.eldercare.streaming.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.fixtures.Events.bedOccupied;
import static org.eldercare.streaming.fixtures.Events.by;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.event.CareEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private KeyedOneInputStreamOperatorTestHarness<String, CareEvent, CareEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new Deduplicator(WEEK), CareEvent::partitionKey, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void passesAnEventOnceHoweverOftenItIsSent() throws Exception {
        CareEvent occupied = bedOccupied("f-1", 1);
        harness.processElement(occupied, 0);
        harness.processElement(occupied, 0);
        harness.processElement(occupied, 0);

        assertThat(harness.extractOutputValues()).containsExactly(occupied);
    }

    @Test
    void treatsTheSameIdFromAnotherSourceAsAnotherEvent() throws Exception {
        CareEvent fromOp1 = bedOccupied("f-1", 1);
        CareEvent fromOp2 = by("op-2", fromOp1);
        harness.processElement(fromOp1, 0);
        harness.processElement(fromOp2, 0);

        assertThat(harness.extractOutputValues()).containsExactly(fromOp1, fromOp2);
    }

    @Test
    void remembersAnIdForAWeekThenForgetsIt() throws Exception {
        CareEvent occupied = bedOccupied("f-1", 1);
        harness.setStateTtlProcessingTime(0);
        harness.processElement(occupied, 0);
        harness.setStateTtlProcessingTime(WEEK.toMillis() - 1);
        harness.processElement(occupied, 0);
        assertThat(harness.extractOutputValues()).hasSize(1);

        harness.setStateTtlProcessingTime(WEEK.toMillis() + 1);
        harness.processElement(occupied, 0);
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void expiryIsConfiguredFromFirstSightingAndNeverReturnsExpiredIds() {
        var ttl = Deduplicator.ttlConfig(WEEK);
        assertThat(ttl.isEnabled()).isTrue();
        assertThat(ttl.getTimeToLive()).isEqualTo(WEEK);
        assertThat(ttl.getUpdateType())
                .isEqualTo(org.apache.flink.api.common.state.StateTtlConfig.UpdateType.OnCreateAndWrite);
        assertThat(ttl.getStateVisibility())
                .isEqualTo(org.apache.flink.api.common.state.StateTtlConfig.StateVisibility.NeverReturnExpired);
    }
}
