package org.eldercare.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionsDataTest {

    private static final String MENTOUGOU = "110109";
    private static final String DAXING = "110115";

    private final Regions regions = Regions.load();

    @Test
    void listsAllSixteenBeijingDistrictsSortedByCode() {
        List<String> codes = regions.districts().stream().map(District::code).toList();

        assertThat(codes).hasSize(16).isSorted().doesNotHaveDuplicates().allMatch(code -> code.matches("1101\\d{2}"));
    }

    @Test
    void keepsCensusTotalsOfThePlanDistricts() {
        assertThat(regions.district(MENTOUGOU).orElseThrow())
                .extracting(District::name, District::residents, District::elderly60)
                .containsExactly("门头沟区", 392_606L, 88_759L);
        assertThat(regions.district(DAXING).orElseThrow())
                .extracting(District::name, District::residents, District::elderly60)
                .containsExactly("大兴区", 1_993_591L, 299_208L);
    }

    @ParameterizedTest
    @ValueSource(strings = {MENTOUGOU, DAXING})
    void streetEstimatesAddUpExactlyToTheDistrictCensus(String districtCode) {
        District district = regions.district(districtCode).orElseThrow();

        assertThat(district.streets().stream().mapToLong(Street::residents).sum())
                .isEqualTo(district.residents());
        assertThat(district.streets().stream().mapToLong(Street::elderly60).sum())
                .isEqualTo(district.elderly60());
    }

    @Test
    void hasEveryStreetOfMentougouAndDaxingIncludingStatisticalZones() {
        assertThat(regions.streetsOf(MENTOUGOU)).hasSize(13);
        assertThat(regions.streetsOf(DAXING))
                .hasSize(26)
                .extracting(Street::code)
                .contains("110115403", "110115404", "110115405", "110115406");
    }

    @Test
    void streetCodesAreNineDigitsUniqueAndInsideTheirDistrict() {
        List<Street> streets = allStreets();

        assertThat(streets).extracting(Street::code).doesNotHaveDuplicates();
        assertThat(streets).allSatisfy(street -> {
            assertThat(street.code()).matches("\\d{9}").startsWith(street.districtCode());
            assertThat(regions.street(street.code())).contains(street);
        });
    }

    @Test
    void everyStreetFigureIsAMarkedEstimateWithPlausibleAges() {
        assertThat(allStreets()).allSatisfy(street -> {
            assertThat(street.estimate()).isTrue();
            assertThat(street.residents()).isPositive();
            assertThat(street.elderly60()).isPositive().isLessThan(street.residents());
        });
    }

    @Test
    void centroidsLieInsideBeijing() {
        assertThat(allStreets()).allSatisfy(street -> {
            assertThat(street.centroid().lat()).isBetween(39.4, 41.1);
            assertThat(street.centroid().lon()).isBetween(115.4, 117.6);
        });
    }

    @Test
    void districtsWithoutStreetDataHaveNoStreets() {
        assertThat(regions.streetsOf("110101")).isEmpty();
        assertThat(regions.streetsOf("999999")).isEmpty();
    }

    private List<Street> allStreets() {
        return regions.districts().stream().flatMap(d -> d.streets().stream()).toList();
    }
}
