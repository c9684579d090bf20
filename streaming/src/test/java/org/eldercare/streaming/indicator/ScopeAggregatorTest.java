package org.eldercare.streaming.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.eldercare.ingest.event.FacilityKind.CARE_CENTER;
import static org.eldercare.ingest.event.FacilityKind.CARE_STATION;
import static org.eldercare.ingest.event.FacilityKind.INSTITUTION;
import static org.eldercare.streaming.fixtures.Facilities.closed;
import static org.eldercare.streaming.fixtures.Facilities.operating;
import static org.eldercare.streaming.fixtures.Facilities.withCaregivers;
import static org.eldercare.streaming.fixtures.Facilities.withMeals;

import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.document.IndicatorDocument;
import org.eldercare.search.document.IndicatorDocument.TargetStatus;
import org.eldercare.streaming.fixtures.Events;
import org.eldercare.streaming.time.ShanghaiTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScopeAggregatorTest {

    private static final long NOON = Events.T0.withHour(12).toInstant().toEpochMilli();
    private static final long TODAY = ShanghaiTime.epochDay(NOON);
    private static final String STREET = Events.STREET;
    private static final String DISTRICT = Events.DISTRICT;

    private KeyedOneInputStreamOperatorTestHarness<String, ScopeUpdate, IndicatorDocument> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ScopeAggregator(Duration.ofMillis(500)), ScopeUpdate::scopeCode, Types.STRING);
        harness.setProcessingTime(NOON);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private IndicatorDocument flushed() throws Exception {
        harness.setProcessingTime(harness.getProcessingTime() + 500);
        return harness.extractOutputValues().getLast();
    }

    @Test
    void aResentFacilityReplacesItsShareInsteadOfAddingIt() throws Exception {
        harness.processElement(ScopeUpdate.facility(STREET, "f-1", operating(CARE_STATION, 10, 2)), 0);
        harness.processElement(ScopeUpdate.facility(STREET, "f-1", operating(CARE_STATION, 10, 4)), 0);
        harness.processElement(ScopeUpdate.facility(STREET, "f-2", operating(INSTITUTION, 30, 30)), 0);

        IndicatorDocument doc = flushed();
        assertThat(harness.extractOutputValues()).hasSize(1);
        assertThat(doc.level()).isEqualTo(IndicatorDocument.STREET);
        assertThat(doc.beds()).isEqualTo(40);
        assertThat(doc.institutionBeds()).isEqualTo(30);
        assertThat(doc.occupiedBeds()).isEqualTo(34);
        assertThat(doc.occupancyRate()).isCloseTo(34 / 40.0, within(1e-12));
        assertThat(doc.careStations()).isEqualTo(1);
        assertThat(doc.institutions()).isEqualTo(1);
        Street street = Regions.load().street(STREET).orElseThrow();
        assertThat(doc.name()).isEqualTo(street.name());
        assertThat(doc.residents()).isEqualTo(street.residents());
        assertThat(doc.bedsPerThousandResidents()).isCloseTo(40.0 / street.residents() * 1000, within(1e-9));
        assertThat(doc.asOf()).isEqualTo(ShanghaiTime.at(NOON + 500));
    }

    @Test
    void onlyOperatingFacilitiesCountTowardBedsAndFacilityCountsButTheirCaregiversCount() throws Exception {
        harness.processElement(
                ScopeUpdate.facility(STREET, "f-1", withCaregivers(closed(CARE_CENTER, 50, 5), 4, 3, 1)), 0);

        IndicatorDocument doc = flushed();
        assertThat(doc.beds()).isZero();
        assertThat(doc.occupiedBeds()).isZero();
        assertThat(doc.occupancyRate()).isNull();
        assertThat(doc.careCenters()).isZero();
        assertThat(doc.caregivers()).isEqualTo(4);
        assertThat(doc.certifiedCaregivers()).isEqualTo(3);
        assertThat(doc.caregiversOnDuty()).isEqualTo(1);
    }

    @Test
    void aFacilityThatLeftTheScopeNoLongerCounts() throws Exception {
        harness.processElement(ScopeUpdate.facility(STREET, "f-1", operating(CARE_STATION, 10, 2)), 0);
        harness.processElement(ScopeUpdate.facilityLeft(STREET, "f-1"), 0);

        assertThat(flushed().beds()).isZero();
    }

    @Test
    void aPlannersStreetFigureReplacesTheStreetsAndCorrectsTheDistrictsPopulation() throws Exception {
        Street street = Regions.load().street(STREET).orElseThrow();
        var district = Regions.load().district(DISTRICT).orElseThrow();
        PopulationFigure newer = new PopulationFigure(90_000, 25_000, 2);
        PopulationFigure older = new PopulationFigure(1, 1, 1);
        harness.processElement(ScopeUpdate.population(STREET, STREET, newer), 0);
        harness.processElement(ScopeUpdate.population(DISTRICT, STREET, newer), 0);
        harness.processElement(ScopeUpdate.population(DISTRICT, STREET, older), 0);
        harness.setProcessingTime(NOON + 500);

        var docs = harness.extractOutputValues();
        IndicatorDocument streetDoc =
                docs.stream().filter(d -> d.code().equals(STREET)).findFirst().orElseThrow();
        IndicatorDocument districtDoc =
                docs.stream().filter(d -> d.code().equals(DISTRICT)).findFirst().orElseThrow();
        assertThat(streetDoc.residents()).isEqualTo(90_000);
        assertThat(streetDoc.elderly60()).isEqualTo(25_000);
        assertThat(districtDoc.residents()).isEqualTo(district.residents() + 90_000 - street.residents());
        assertThat(districtDoc.elderly60()).isEqualTo(district.elderly60() + 25_000 - street.elderly60());
    }

    @Test
    void checksTheDistrictPlanTargetsAgainstLiveValues() throws Exception {
        for (int i = 0; i < 9; i++) {
            harness.processElement(ScopeUpdate.facility(DISTRICT, "c-" + i, operating(CARE_CENTER, 0, 0)), 0);
        }

        IndicatorDocument doc = flushed();
        TargetStatus careCenters = doc.targets().stream()
                .filter(t -> t.indicator().equals("careCenters"))
                .findFirst()
                .orElseThrow();
        assertThat(careCenters.actual()).isEqualTo(9.0);
        assertThat(careCenters.met()).isTrue();
        assertThat(careCenters.binding()).isTrue();
        TargetStatus stations = doc.targets().stream()
                .filter(t -> t.indicator().equals("careStations"))
                .findFirst()
                .orElseThrow();
        assertThat(stations.actual()).isZero();
        assertThat(stations.met()).isFalse();
    }

    @Test
    void todaysMealsFallToZeroAtMidnightInShanghai() throws Exception {
        harness.processElement(
                ScopeUpdate.facility(STREET, "f-1", withMeals(operating(CARE_STATION, 10, 0), TODAY, 42)), 0);
        assertThat(flushed().mealsServedToday()).isEqualTo(42);

        harness.setProcessingTime(ShanghaiTime.nextMidnight(NOON));

        IndicatorDocument afterMidnight = harness.extractOutputValues().getLast();
        assertThat(afterMidnight.mealsServedToday()).isZero();
        assertThat(afterMidnight.asOf().toLocalTime().toString()).isEqualTo("00:00");
        assertThat(harness.numProcessingTimeTimers()).as("next midnight").isEqualTo(1);
    }

    @Test
    void aTouchPublishesAScopeWithoutFacilities() throws Exception {
        harness.processElement(ScopeUpdate.touch(DISTRICT), 0);

        IndicatorDocument doc = flushed();
        assertThat(doc.level()).isEqualTo(IndicatorDocument.DISTRICT);
        assertThat(doc.beds()).isZero();
        assertThat(doc.bedsPerThousandResidents()).isZero();
        assertThat(doc.targets()).isNotEmpty();
    }
}
