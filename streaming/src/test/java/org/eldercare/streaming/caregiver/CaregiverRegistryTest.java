package org.eldercare.streaming.caregiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.streaming.fixtures.Events.T0;
import static org.eldercare.streaming.fixtures.Events.at;
import static org.eldercare.streaming.fixtures.Events.by;
import static org.eldercare.streaming.fixtures.Events.hired;
import static org.eldercare.streaming.fixtures.Events.left;
import static org.eldercare.streaming.fixtures.Events.shiftEnded;
import static org.eldercare.streaming.fixtures.Events.shiftStarted;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.event.CareEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CaregiverRegistryTest {

    private KeyedOneInputStreamOperatorTestHarness<String, CareEvent, CaregiverDelta> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new CaregiverRegistry(Duration.ofDays(7)), CaregiverRegistry::key, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(CareEvent... events) throws Exception {
        for (CareEvent e : events) {
            harness.processElement(e, 0);
        }
    }

    @Test
    void countsAHiredCaregiverAtTheFacility() throws Exception {
        send(hired("c-1", "f-1", true));

        assertThat(harness.extractOutputValues()).containsExactly(new CaregiverDelta("f-1", 1, 1, 0));
    }

    @Test
    void aHireElsewhereMovesTheCaregiverAndEndsTheShiftAtTheOldFacility() throws Exception {
        send(hired("c-1", "f-1", true), shiftStarted("c-1", "f-1"), at(T0.plusHours(1), hired("c-1", "f-2", false)));

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        new CaregiverDelta("f-1", 1, 1, 0),
                        new CaregiverDelta("f-1", 0, 0, 1),
                        new CaregiverDelta("f-1", -1, -1, 0),
                        new CaregiverDelta("f-2", 1, 0, 0),
                        new CaregiverDelta("f-1", 0, 0, -1));
    }

    @Test
    void aHireOlderThanTheLatestIsIgnored() throws Exception {
        send(at(T0.plusHours(1), hired("c-1", "f-2", false)), hired("c-1", "f-1", true));

        assertThat(harness.extractOutputValues()).containsExactly(new CaregiverDelta("f-2", 1, 0, 0));
    }

    @Test
    void leavingClearsTheCaregiverButRemembersTheHireTime() throws Exception {
        send(hired("c-1", "f-1", true), left("c-1", "f-1"));

        assertThat(harness.extractOutputValues())
                .containsExactly(new CaregiverDelta("f-1", 1, 1, 0), new CaregiverDelta("f-1", -1, -1, 0));
        assertThat(harness.numKeyedStateEntries()).isEqualTo(1);

        send(at(T0.minusHours(1), hired("c-1", "f-3", false)));
        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void leavingAFacilityTheCaregiverNoLongerWorksAtChangesNothing() throws Exception {
        send(hired("c-1", "f-1", true), at(T0.plusHours(1), hired("c-1", "f-2", true)), left("c-1", "f-1"));

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        new CaregiverDelta("f-1", 1, 1, 0),
                        new CaregiverDelta("f-1", -1, -1, 0),
                        new CaregiverDelta("f-2", 1, 1, 0));
    }

    @Test
    void countsOneOpenShiftPerCaregiver() throws Exception {
        send(
                hired("c-1", "f-1", false),
                shiftStarted("c-1", "f-1"),
                shiftStarted("c-1", "f-1"),
                shiftEnded("c-1", "f-1"),
                shiftEnded("c-1", "f-1"));

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        new CaregiverDelta("f-1", 1, 0, 0),
                        new CaregiverDelta("f-1", 0, 0, 1),
                        new CaregiverDelta("f-1", 0, 0, -1));
    }

    @Test
    void aShiftStartedElsewhereBeforeTheLatestHireIsAlreadyOver() throws Exception {
        send(at(T0.plusHours(1), hired("c-1", "f-2", false)), shiftStarted("c-1", "f-1"));

        assertThat(harness.extractOutputValues()).containsExactly(new CaregiverDelta("f-2", 1, 0, 0));
    }

    @Test
    void anotherOperatorsHireOfTheSameCaregiverIdNeitherMovesThisCaregiverNorEndsTheirShift() throws Exception {
        send(
                hired("cg-17", "f-1", true),
                shiftStarted("cg-17", "f-1"),
                by("op-2", at(T0.plusHours(1), hired("cg-17", "f-9", false))),
                by("op-2", at(T0.plusHours(2), left("cg-17", "f-9"))));

        assertThat(harness.extractOutputValues())
                .containsExactly(
                        new CaregiverDelta("f-1", 1, 1, 0),
                        new CaregiverDelta("f-1", 0, 0, 1),
                        new CaregiverDelta("f-9", 1, 0, 0),
                        new CaregiverDelta("f-9", -1, 0, 0));
    }

    @Test
    void keysACaregiverByOperatorAndId() {
        assertThat(CaregiverRegistry.key(hired("cg-17", "f-1", true))).isEqualTo("op-1/cg-17");
        assertThat(CaregiverRegistry.key(by("op-2", hired("cg-17", "f-9", true))))
                .isEqualTo("op-2/cg-17");
    }
}
