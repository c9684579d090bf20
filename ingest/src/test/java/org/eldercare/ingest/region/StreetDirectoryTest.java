package org.eldercare.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.eldercare.ingest.validation.StreetDirectory;
import org.junit.jupiter.api.Test;

class StreetDirectoryTest {

    private final StreetDirectory directory = Regions.load();

    @Test
    void knowsEveryBeijingDistrictButNothingElse() {
        assertThat(directory.districtExists("110101")).isTrue();
        assertThat(directory.districtExists("110119")).isTrue();
        assertThat(directory.districtExists("120101")).isFalse();
        assertThat(directory.districtExists(null)).isFalse();
    }

    @Test
    void placesAStreetInItsOwnDistrictOnly() {
        assertThat(directory.streetInDistrict("110109001", "110109")).isTrue();
        assertThat(directory.streetInDistrict("110109001", "110115")).isFalse();
        assertThat(directory.streetInDistrict("110109999", "110109")).isFalse();
    }

    @Test
    void knowsStreetsByNineDigitCodeOnly() {
        assertThat(directory.streetExists("110115406")).isTrue();
        assertThat(directory.streetExists("110115406000")).isFalse();
        assertThat(directory.streetExists(null)).isFalse();
    }
}
