package org.eldercare.streaming.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.fixtures.Events.bedOccupied;
import static org.eldercare.streaming.fixtures.Events.by;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.eldercare.ingest.event.CareEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {

    private static final Duration WEEK = Duration.ofDays(7);
    private static final long DAY = Duration.ofDays(1).toMillis();
    private KeyedOneInputStreamOperatorTestHarness<String, CareEvent, CareEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = dedupHarness();
        harness.open();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CareEvent, CareEvent> dedupHarness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new Deduplicator(WEEK)), CareEvent::partitionKey, Types.STRING);
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
    void keepsManyEventsOfOneFacilityApart() throws Exception {
        for (int i = 0; i < 5_000; i++) {
            harness.processElement(bedOccupied("f-1", 1), 0);
        }
        CareEvent last = bedOccupied("f-1", 1);
        harness.processElement(last, 0);
        harness.processElement(last, 0);

        assertThat(harness.extractOutputValues()).hasSize(5_001);
    }

    @Test
    void remembersAnIdForAtLeastAWeekThenForgetsItAndClearsTheState() throws Exception {
        CareEvent occupied = bedOccupied("f-1", 1);
        harness.setProcessingTime(DAY / 2);
        harness.processElement(occupied, 0);
        harness.setProcessingTime(DAY / 2 + WEEK.toMillis());
        harness.processElement(occupied, 0);
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(DAY + WEEK.toMillis()); // the day of first sighting is a week behind

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
        harness.processElement(occupied, 0);
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void forgetsOneDayAtATimeAndKeepsTheLaterDays() throws Exception {
        CareEvent monday = bedOccupied("f-1", 1);
        CareEvent tuesday = bedOccupied("f-1", 1);
        harness.setProcessingTime(0);
        harness.processElement(monday, 0);
        harness.setProcessingTime(DAY);
        harness.processElement(tuesday, 0);
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(2);

        harness.setProcessingTime(DAY + WEEK.toMillis());
        harness.processElement(monday, 0);
        harness.processElement(tuesday, 0);

        assertThat(harness.extractOutputValues()).containsExactly(monday, tuesday, monday);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
    }

    @Test
    void remembersSeenEventsAcrossARestoreFromACheckpoint() throws Exception {
        CareEvent before = bedOccupied("f-1", 1);
        harness.processElement(before, 0);
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
        harness.close();

        harness = dedupHarness();
        harness.initializeState(checkpoint);
        harness.open();
        CareEvent after = bedOccupied("f-1", 1);
        harness.processElement(before, 0);
        harness.processElement(after, 0);

        assertThat(harness.extractOutputValues()).containsExactly(after);
    }

    @Test
    void aCheckpointKeepsTheStateAsItWasWhenTaken() throws Exception {
        CareEvent first = bedOccupied("f-1", 1);
        harness.processElement(first, 0);
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1);
        CareEvent afterCheckpoint = bedOccupied("f-1", 1);
        harness.processElement(afterCheckpoint, 0); // changes the state the snapshot was taken from
        harness.close();

        harness = dedupHarness();
        harness.initializeState(checkpoint);
        harness.open();
        harness.processElement(afterCheckpoint, 0);

        assertThat(harness.extractOutputValues()).containsExactly(afterCheckpoint);
    }
}
