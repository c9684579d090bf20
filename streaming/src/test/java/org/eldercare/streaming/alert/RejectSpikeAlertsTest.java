package org.eldercare.streaming.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.search.document.AlertDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RejectSpikeAlertsTest {

    private KeyedOneInputStreamOperatorTestHarness<String, Rejection, AlertDocument> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new RejectSpikeAlerts(3), Rejection::operatorId, Types.STRING);
        harness.setProcessingTime(0);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void rejects(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            harness.processElement(
                    new Rejection(
                            "e-" + i,
                            "/operators/op-2",
                            "op-2",
                            "bed.occupied",
                            List.of("source: operator op-2 does not own facility f-1"),
                            Rejection.STREAM,
                            null,
                            null),
                    0);
        }
    }

    @Test
    void raisesWhenAnOperatorPassesTheThresholdWithinAMinute() throws Exception {
        rejects(3);
        assertThat(harness.extractOutputValues()).isEmpty();

        rejects(1);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("REJECT_SPIKE:op-2");
            assertThat(a.active()).isTrue();
            assertThat(a.message()).contains("op-2").contains("4 events");
        });
    }

    @Test
    void clearsAfterAQuietMinuteAndForgetsTheOperator() throws Exception {
        rejects(5);
        harness.setProcessingTime(60_000);
        assertThat(harness.extractOutputValues()).hasSize(1);

        rejects(1);
        harness.setProcessingTime(120_000);

        assertThat(harness.extractOutputValues().getLast().active()).isFalse();
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }
}
