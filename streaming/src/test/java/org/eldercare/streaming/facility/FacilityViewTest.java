package org.eldercare.streaming.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.event.FacilityKind.CARE_STATION;
import static org.eldercare.streaming.fixtures.Facilities.snapshot;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.streaming.caregiver.CaregiverDelta;
import org.eldercare.streaming.fixtures.Events;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacilityViewTest {

    private KeyedTwoInputStreamOperatorTestHarness<String, FacilitySnapshot, CaregiverDelta, FacilityContribution>
            harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new FacilityView(Duration.ofMillis(500)),
                FacilitySnapshot::facilityId,
                CaregiverDelta::facilityId,
                Types.STRING);
        harness.setProcessingTime(1_000);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void writesTheLatestStateOnceTheCoalesceIntervalEnds() throws Exception {
        harness.processElement1(snapshot("f-1", CARE_STATION, 10, 1, Events.STREET), 0);
        harness.processElement1(snapshot("f-1", CARE_STATION, 10, 2, Events.STREET), 0);
        harness.processElement1(snapshot("f-1", CARE_STATION, 10, 3, Events.STREET), 0);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);

        harness.setProcessingTime(1_500);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(c -> {
            assertThat(c.facility().occupiedBeds()).isEqualTo(3);
            assertThat(c.emittedAt()).isEqualTo(1_500);
        });
        assertThat(harness.numProcessingTimeTimers()).isZero();
    }

    @Test
    void joinsTheCaregiverCountsOfTheRegistry() throws Exception {
        harness.processElement1(snapshot("f-1", CARE_STATION, 10, 0, Events.STREET), 0);
        harness.processElement2(new CaregiverDelta("f-1", 1, 1, 0), 0);
        harness.processElement2(new CaregiverDelta("f-1", 1, 0, 1), 0);
        harness.setProcessingTime(2_000);

        assertThat(harness.extractOutputValues().getLast().caregivers()).isEqualTo(new CaregiverCounts(2, 1, 1));
    }

    @Test
    void namesTheScopesAMovedFacilityLeft() throws Exception {
        harness.processElement1(snapshot("f-1", CARE_STATION, 10, 0, Events.STREET), 0);
        harness.setProcessingTime(2_000);
        harness.processElement1(snapshot("f-1", CARE_STATION, 10, 0, "110115001"), 0);
        harness.setProcessingTime(3_000);

        var moved = harness.extractOutputValues().getLast();
        assertThat(moved.previousStreetCode()).isEqualTo(Events.STREET);
        assertThat(moved.previousDistrictCode()).isEqualTo("110109");
        assertThat(moved.totals().beds()).isEqualTo(10);
    }

    @Test
    void waitsForTheRegistrationBeforeWritingCaregivers() throws Exception {
        harness.processElement2(new CaregiverDelta("f-1", 1, 0, 0), 0);
        harness.setProcessingTime(2_000);

        assertThat(harness.extractOutputValues()).isEmpty();
    }
}
