package org.eldercare.streaming.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.event.FacilityKind.INSTITUTION;
import static org.eldercare.streaming.fixtures.Facilities.snapshot;
import static org.eldercare.streaming.fixtures.Facilities.withStatus;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.search.document.AlertDocument;
import org.eldercare.streaming.facility.CaregiverCounts;
import org.eldercare.streaming.facility.FacilityContribution;
import org.eldercare.streaming.facility.FacilitySnapshot;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacilityAlertsTest {

    private static final Duration SILENCE = Duration.ofMinutes(30);
    private KeyedOneInputStreamOperatorTestHarness<String, FacilityContribution, AlertDocument> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new FacilityAlerts(SILENCE), FacilityContribution::facilityId, Types.STRING);
        harness.setProcessingTime(1_000);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(FacilitySnapshot f) throws Exception {
        harness.processElement(new FacilityContribution(f, CaregiverCounts.NONE, null, null, 0), 0);
    }

    @Test
    void raisesHighOccupancyAtNinetyFivePercentAndClearsItBelow() throws Exception {
        send(snapshot("f-1", INSTITUTION, 20, 18, Events.STREET));
        send(snapshot("f-1", INSTITUTION, 20, 19, Events.STREET));
        send(snapshot("f-1", INSTITUTION, 20, 20, Events.STREET));
        send(snapshot("f-1", INSTITUTION, 20, 17, Events.STREET));

        assertThat(harness.extractOutputValues())
                .extracting(AlertDocument::id, AlertDocument::active)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("HIGH_OCCUPANCY:f-1", true),
                        org.assertj.core.groups.Tuple.tuple("HIGH_OCCUPANCY:f-1", false));
        AlertDocument raised = harness.extractOutputValues().getFirst();
        assertThat(raised.districtCode()).isEqualTo("110109");
        assertThat(raised.message()).contains("19 of 20 beds");
    }

    @Test
    void raisesSilenceWhenAnOperatingFacilitySendsNothingAndClearsItOnTheNextEvent() throws Exception {
        send(snapshot("f-1", INSTITUTION, 20, 0, Events.STREET));
        harness.setProcessingTime(1_000 + SILENCE.toMillis() / 2);
        send(snapshot("f-1", INSTITUTION, 20, 1, Events.STREET));
        harness.setProcessingTime(1_000 + SILENCE.toMillis());
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(1_000 + SILENCE.toMillis() * 3 / 2);
        assertThat(harness.extractOutputValues()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("FACILITY_SILENT:f-1");
            assertThat(a.active()).isTrue();
        });
        assertThat(harness.numProcessingTimeTimers()).isZero();

        send(snapshot("f-1", INSTITUTION, 20, 1, Events.STREET));
        assertThat(harness.extractOutputValues().getLast().active()).isFalse();
    }

    @Test
    void aClosedFacilityIsNotSilent() throws Exception {
        send(withStatus(snapshot("f-1", INSTITUTION, 20, 0, Events.STREET), FacilityStatus.CLOSED));
        harness.setProcessingTime(1_000 + SILENCE.toMillis() * 2);

        assertThat(harness.extractOutputValues()).isEmpty();
    }
}
