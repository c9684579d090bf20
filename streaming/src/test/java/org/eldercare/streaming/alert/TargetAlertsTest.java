package org.eldercare.streaming.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;
import org.eldercare.streaming.time.ShanghaiTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TargetAlertsTest {

    private KeyedOneInputStreamOperatorTestHarness<String, IndicatorDocument, AlertDocument> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new TargetAlerts(), IndicatorDocument::code, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static IndicatorDocument district(long careCenters, long careStations) {
        List<TargetStatus> targets = List.of(
                new TargetStatus("careCenters", 9, "=", true, (double) careCenters, careCenters == 9),
                new TargetStatus("careStations", 36, ">=", true, (double) careStations, careStations >= 36),
                new TargetStatus("bedsPerThousandResidents", 7, ">=", false, 0.0, false));
        return new IndicatorDocument(
                "110109",
                "门头沟区",
                "DISTRICT",
                1L,
                1L,
                0,
                0.0,
                0,
                0.0,
                0,
                null,
                careCenters,
                careStations,
                0,
                0,
                0,
                0,
                0.0,
                0,
                0,
                0,
                targets,
                ShanghaiTime.at(0));
    }

    @Test
    void raisesOneAlertListingTheMissedBindingTargetsAndRewritesItOnlyWhenTheListChanges() throws Exception {
        harness.processElement(district(3, 10), 0);
        harness.processElement(district(4, 11), 0);
        harness.processElement(district(9, 12), 0);

        List<AlertDocument> alerts = harness.extractOutputValues();
        assertThat(alerts).hasSize(2).allSatisfy(a -> {
            assertThat(a.id()).isEqualTo("BINDING_TARGET_MISSED:110109");
            assertThat(a.active()).isTrue();
        });
        assertThat(alerts.get(0).message()).contains("careCenters (target = 9)", "careStations (target >= 36)");
        assertThat(alerts.get(0).message()).doesNotContain("bedsPerThousandResidents");
        assertThat(alerts.get(1).message()).doesNotContain("careCenters");
    }

    @Test
    void carriesTheMissedTargetsAsParamsForThePortalToWriteInChinese() throws Exception {
        harness.processElement(district(3, 10), 0);

        AlertDocument alert = harness.extractOutputValues().getFirst();
        assertThat(alert.params())
                .containsEntry("name", "门头沟区")
                .containsEntry("missed", "careCenters:=:9,careStations:>=:36");
    }

    @Test
    void clearsOnceEveryBindingTargetIsMet() throws Exception {
        harness.processElement(district(3, 10), 0);
        harness.processElement(district(9, 40), 0);

        assertThat(harness.extractOutputValues().getLast().active()).isFalse();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }
}
