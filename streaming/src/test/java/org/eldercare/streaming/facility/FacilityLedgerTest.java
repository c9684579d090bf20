package org.eldercare.streaming.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.event.FacilityKind.CARE_STATION;
import static org.eldercare.ingest.event.FacilityKind.INSTITUTION;
import static org.eldercare.streaming.fixtures.Events.T0;
import static org.eldercare.streaming.fixtures.Events.at;
import static org.eldercare.streaming.fixtures.Events.bedOccupied;
import static org.eldercare.streaming.fixtures.Events.bedReleased;
import static org.eldercare.streaming.fixtures.Events.by;
import static org.eldercare.streaming.fixtures.Events.hired;
import static org.eldercare.streaming.fixtures.Events.mealServed;
import static org.eldercare.streaming.fixtures.Events.registered;
import static org.eldercare.streaming.fixtures.Events.serviceDelivered;
import static org.eldercare.streaming.fixtures.Events.statusChanged;
import static org.eldercare.streaming.fixtures.Events.updated;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.deadletter.Rejection;
import org.eldercare.ingest.event.CareEvent;
import org.eldercare.ingest.event.FacilityStatus;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.time.ShanghaiTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FacilityLedgerTest {

    private KeyedOneInputStreamOperatorTestHarness<String, CareEvent, FacilitySnapshot> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new FacilityLedger(), CareEvent::partitionKey, Types.STRING);
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

    private FacilitySnapshot latest() {
        List<FacilitySnapshot> out = harness.extractOutputValues();
        return out.getLast();
    }

    private List<String> reasons() {
        var rejected = harness.getSideOutput(FacilityLedger.REJECTED);
        if (rejected == null) {
            return List.of();
        }
        return rejected.stream()
                .map(StreamRecord::getValue)
                .flatMap(r -> r.reasons().stream())
                .toList();
    }

    @Test
    void firstRegistrationMakesItsOperatorTheOwner() throws Exception {
        send(registered("f-1", CARE_STATION, 10));

        FacilitySnapshot f = latest();
        assertThat(f.operatorId()).isEqualTo("op-1");
        assertThat(f.beds()).isEqualTo(10);
        assertThat(f.status()).isEqualTo(FacilityStatus.OPERATING);
        assertThat(f.lastEventAt()).isEqualTo(T0.toInstant().toEpochMilli());
    }

    @Test
    void rejectsEventsFromAnOperatorThatDoesNotOwnTheFacility() throws Exception {
        send(
                registered("f-1", CARE_STATION, 10),
                by("op-2", bedOccupied("f-1", 1)),
                by("op-2", registered("f-1", INSTITUTION, 99)));

        assertThat(reasons())
                .containsExactly(
                        "source: operator op-2 does not own facility f-1",
                        "source: operator op-2 does not own facility f-1");
        assertThat(latest().occupiedBeds()).isZero();
        assertThat(latest().kind()).isEqualTo(CARE_STATION);
        Rejection rejection =
                harness.getSideOutput(FacilityLedger.REJECTED).peek().getValue();
        assertThat(rejection.stage()).isEqualTo(Rejection.STREAM);
        assertThat(rejection.operatorId()).isEqualTo("op-2");
        assertThat(rejection.type()).isEqualTo("bed.occupied");
        assertThat(rejection.payload()).contains("\"facilityId\":\"f-1\"");
    }

    @Test
    void aFacilityIdBelongsToTheFirstOperatorToRegisterItAndAnothersRegistrationIsRejected() throws Exception {
        // docs/CONTRACT.md §6.2: facility ids are one namespace; the first registration takes the id.
        send(
                by("op-2", registered("f-7", INSTITUTION, 40)),
                registered("f-7", CARE_STATION, 10),
                bedOccupied("f-7", 1));

        assertThat(reasons())
                .containsExactly(
                        "source: operator op-1 does not own facility f-7",
                        "source: operator op-1 does not own facility f-7");
        assertThat(harness.extractOutputValues()).singleElement().satisfies(f -> {
            assertThat(f.operatorId()).isEqualTo("op-2");
            assertThat(f.kind()).isEqualTo(INSTITUTION);
            assertThat(f.beds()).isEqualTo(40);
        });
        assertThat(harness.getSideOutput(FacilityLedger.REJECTED))
                .extracting(r -> r.getValue().operatorId())
                .containsOnly("op-1");
    }

    @Test
    void rejectsEventsForAnUnknownFacility() throws Exception {
        send(bedOccupied("f-9", 1));

        assertThat(reasons()).containsExactly("data.facilityId: unknown facility f-9");
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void keepsOccupiedBedsWithinZeroAndTheFacilitysBeds() throws Exception {
        send(registered("f-1", CARE_STATION, 10), bedOccupied("f-1", 8), bedOccupied("f-1", 4), bedReleased("f-1", 9));

        assertThat(reasons())
                .containsExactly(
                        "data.count: would take occupied beds to 12, above the facility's 10 beds",
                        "data.count: would take occupied beds to -1, below 0");
        assertThat(latest().occupiedBeds()).isEqualTo(8);
    }

    @Test
    void ignoresStateEventsOlderThanWhatItHolds() throws Exception {
        send(
                registered("f-1", CARE_STATION, 10),
                at(T0.plusMinutes(10), statusChanged("f-1", FacilityStatus.CLOSED)),
                at(T0.plusMinutes(5), statusChanged("f-1", FacilityStatus.SUSPENDED)),
                at(T0.plusMinutes(5), updated("f-1", CARE_STATION, 12, Events.STREET)));

        FacilitySnapshot f = latest();
        assertThat(f.status()).isEqualTo(FacilityStatus.CLOSED);
        assertThat(f.beds()).isEqualTo(12);
        assertThat(reasons()).isEmpty();
    }

    @Test
    void countsMealsAndServicesPerShanghaiDayOfTheEvent() throws Exception {
        var lateEvening = T0.withHour(23).withMinute(30);
        send(
                registered("f-1", CARE_STATION, 10),
                mealServed("f-1", 3),
                at(lateEvening, mealServed("f-1", 2)),
                at(lateEvening.plusHours(1), mealServed("f-1", 5)),
                at(T0.minusDays(1), mealServed("f-1", 7)),
                serviceDelivered("f-1", "r-1"));

        FacilitySnapshot f = latest();
        assertThat(f.mealsDay()).isEqualTo(ShanghaiTime.epochDay(T0) + 1);
        assertThat(f.mealsServed()).isEqualTo(5);
        assertThat(f.servicesDay()).isEqualTo(ShanghaiTime.epochDay(T0));
        assertThat(f.servicesDelivered()).isEqualTo(1);
    }

    @Test
    void handsCaregiverAndServiceEventsOnOnlyOnceAccepted() throws Exception {
        CareEvent hire = hired("c-1", "f-1", true);
        CareEvent service = serviceDelivered("f-1", "r-1");
        send(registered("f-1", CARE_STATION, 10), hire, service, by("op-2", hired("c-2", "f-1", false)));

        assertThat(harness.getSideOutput(FacilityLedger.CAREGIVER_EVENTS))
                .extracting(StreamRecord::getValue)
                .containsExactly(hire);
        assertThat(harness.getSideOutput(FacilityLedger.SERVICE_RECORDS))
                .extracting(StreamRecord::getValue)
                .containsExactly(service);
    }

    @Test
    void anUpdateLoweringBedsCapsOccupiedBeds() throws Exception {
        send(
                registered("f-1", INSTITUTION, 10),
                bedOccupied("f-1", 9),
                at(T0.plusMinutes(1), updated("f-1", INSTITUTION, 6, Events.STREET)));

        assertThat(latest().occupiedBeds()).isEqualTo(6);
    }
}
