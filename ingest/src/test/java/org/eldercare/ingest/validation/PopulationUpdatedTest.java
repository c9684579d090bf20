package org.eldercare.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.ingest.fixtures.Events.populationUpdated;
import static org.eldercare.ingest.validation.Judge.errorsOf;
import static org.eldercare.ingest.validation.Judge.valid;

import org.eldercare.ingest.event.PopulationUpdated;
import org.eldercare.ingest.fixtures.TestStreets;
import org.junit.jupiter.api.Test;

class PopulationUpdatedTest {

    @Test
    void readsAStreetsFigures() {
        assertThat(valid(populationUpdated(TestStreets.STREET, 85_824, 22_506)).data())
                .isEqualTo(new PopulationUpdated(TestStreets.STREET, 85_824, 22_506, 2025));
    }

    @Test
    void acceptsAsManyElderlyAsResidents() {
        valid(populationUpdated(TestStreets.STREET, 1, 1));
        valid(populationUpdated(TestStreets.STREET, 1, 0));
    }

    @Test
    void rejectsAStreetWithoutResidents() {
        assertThat(errorsOf(populationUpdated(TestStreets.STREET, 0, 0)))
                .containsExactly("data.residents: must be at least 1");
    }

    @Test
    void rejectsMoreElderlyThanResidents() {
        assertThat(errorsOf(populationUpdated(TestStreets.STREET, 100, 101)))
                .containsExactly("data.elderly60: must be between 0 and residents (100)");
        assertThat(errorsOf(populationUpdated(TestStreets.STREET, 100, -1)))
                .containsExactly("data.elderly60: must be at least 0");
    }

    @Test
    void judgesElderlyAgainstResidentsEvenWhenTheStreetIsWrong() {
        assertThat(errorsOf(populationUpdated("110109999", 100, 101)))
                .containsExactly(
                        "data.streetCode: must be a known street code",
                        "data.elderly60: must be between 0 and residents (100)");
    }

    @Test
    void acceptsYearsFrom1949ToNextYear() {
        valid(populationUpdated(TestStreets.STREET, 100, 20).set("data.year", 1949));
        valid(populationUpdated(TestStreets.STREET, 100, 20).set("data.year", 2027));
    }

    @Test
    void rejectsYearsBefore1949OrAfterNextYear() {
        assertThat(errorsOf(populationUpdated(TestStreets.STREET, 100, 20).set("data.year", 1948)))
                .containsExactly("data.year: must be between 1949 and 2027");
        assertThat(errorsOf(populationUpdated(TestStreets.STREET, 100, 20).set("data.year", 2028)))
                .containsExactly("data.year: must be between 1949 and 2027");
        assertThat(errorsOf(populationUpdated(TestStreets.STREET, 100, 20).set("data.year", "2025")))
                .containsExactly("data.year: must be an integer");
    }

    @Test
    void rejectsUnknownOrMalformedStreets() {
        assertThat(errorsOf(populationUpdated("11010900", 100, 20)))
                .containsExactly("data.streetCode: must be 9 digits");
        assertThat(errorsOf(populationUpdated("110109002", 100, 20)))
                .containsExactly("data.streetCode: must be a known street code");
    }
}
