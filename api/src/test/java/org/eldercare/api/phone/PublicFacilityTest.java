package org.eldercare.api.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.region.Regions;
import org.eldercare.search.facility.NearbyFacility;
import org.junit.jupiter.api.Test;

/** What one facility shows the public (docs/CONTRACT.md §10.1). */
class PublicFacilityTest {

    static final NearbyFacility STATION = new NearbyFacility(
            "op1-station-0042",
            "大峪街道养老驿站",
            "CARE_STATION",
            "110109",
            "110109001",
            new GeoPoint(39.94, 116.10),
            0.321,
            10,
            4,
            6,
            20,
            "OPERATING");

    @Test
    void carriesOnlyWhatIsOnTheFacilitysDoor() {
        assertThat(Arrays.stream(PublicFacility.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly(
                        "name",
                        "kind",
                        "districtName",
                        "streetName",
                        "location",
                        "distanceKm",
                        "freeBeds",
                        "mealTableOpen",
                        "mealSeats",
                        "directionsUrl");
    }

    @Test
    void namesTheStreetAndDistrictAndLinksAWalkingRoute() {
        PublicFacility shown = PublicFacility.of(STATION, Regions.load());

        assertThat(shown.districtName()).isEqualTo("门头沟区");
        assertThat(shown.streetName()).isNotBlank();
        assertThat(shown.freeBeds()).isEqualTo(6);
        assertThat(shown.mealTableOpen()).isTrue();
        assertThat(shown.directionsUrl())
                .isEqualTo("https://uri.amap.com/navigation?to=116.100000,39.940000,"
                        + "%E5%A4%A7%E5%B3%AA%E8%A1%97%E9%81%93%E5%85%BB%E8%80%81%E9%A9%BF%E7%AB%99"
                        + "&mode=walk&coordinate=wgs84&callnative=1")
                .doesNotContain(STATION.facilityId());
    }

    @Test
    void showsAMealTableWithoutBeds() {
        NearbyFacility table = new NearbyFacility(
                "t-1",
                "老年餐桌",
                "MEAL_TABLE",
                "110109",
                "110109001",
                new GeoPoint(39.94, 116.1),
                1,
                0,
                0,
                0,
                0,
                "OPERATING");

        PublicFacility shown = PublicFacility.of(table, Regions.load());

        assertThat(shown.freeBeds()).isNull();
        assertThat(shown.mealTableOpen()).isTrue();
    }
}
