package org.eldercare.search.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eldercare.ingest.event.FacilityKind;
import org.junit.jupiter.api.Test;

class NearbyQueryTest {

    @Test
    void parsesKindAndTreatsMissingAvailableAsAny() {
        NearbyQuery query = NearbyQuery.of(39.9, 116.4, 5, "MEAL_TABLE", null, 10);

        assertThat(query.kind()).isEqualTo(FacilityKind.MEAL_TABLE);
        assertThat(query.available()).isFalse();
    }

    @Test
    void rejectsAnUnknownKindListingTheKinds() {
        assertThatThrownBy(() -> NearbyQuery.of(39.9, 116.4, 5, "HOSPITAL", null, 10))
                .hasMessage("kind: must be one of CARE_CENTER, CARE_STATION, INSTITUTION, MEAL_TABLE");
    }

    @Test
    void rejectsAZeroRadius() {
        assertThatThrownBy(() -> NearbyQuery.of(39.9, 116.4, 0, null, null, 10))
                .hasMessage("radiusKm: must be greater than 0 and at most 200");
    }

    @Test
    void rejectsALimitAboveOneHundred() {
        assertThatThrownBy(() -> NearbyQuery.of(39.9, 116.4, 5, null, null, 101))
                .hasMessage("limit: must be between 1 and 100");
    }

    @Test
    void rejectsALatitudeOffTheGlobe() {
        assertThatThrownBy(() -> NearbyQuery.of(91, 116.4, 5, null, null, 10))
                .hasMessage("lat: must be between -90 and 90");
    }
}
