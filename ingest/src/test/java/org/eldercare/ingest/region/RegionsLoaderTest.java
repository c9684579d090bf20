package org.eldercare.ingest.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegionsLoaderTest {

    private static final String ONE_DISTRICT = """
            {"provenance": "test", "districts": [
              {"code": "110109", "name": "门头沟区", "residents": 1000, "elderly60": 200}]}
            """;
    private static final String NO_TARGETS = """
            {"provenance": "test", "national": null, "districts": []}
            """;

    @TempDir
    Path root;

    @Test
    void loadsStreetsFromTheFileNamedAfterTheirDistrict() throws IOException {
        Regions regions = load(street("110109001", 1000, 200));

        assertThat(regions.streetsOf("110109")).singleElement().satisfies(street -> {
            assertThat(street.districtCode()).isEqualTo("110109");
            assertThat(street.centroid().lat()).isEqualTo(39.93);
        });
    }

    @Test
    void rejectsStreetCodeOutsideItsDistrict() {
        assertThatIllegalStateException()
                .isThrownBy(() -> load(street("110115001", 1000, 200)))
                .withMessageContaining("110115001")
                .withMessageContaining("code: must start with 110109");
    }

    @Test
    void rejectsMoreElderlyThanResidents() {
        assertThatIllegalStateException()
                .isThrownBy(() -> load(street("110109001", 100, 200)))
                .withMessageContaining("elderly60: must be between 0 and residents");
    }

    private Regions load(String streetJson) throws IOException {
        Files.createDirectories(root.resolve("regions/streets"));
        Files.writeString(root.resolve("regions/districts.json"), ONE_DISTRICT);
        Files.writeString(root.resolve("regions/plan-targets.json"), NO_TARGETS);
        Files.writeString(
                root.resolve("regions/streets/110109.json"),
                "{\"districtCode\": \"110109\", \"provenance\": \"test\", \"streets\": [" + streetJson + "]}");
        try (URLClassLoader classLoader =
                new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            return new RegionsLoader(classLoader).load();
        }
    }

    private static String street(String code, long residents, long elderly60) {
        return """
                {"code": "%s", "name": "大峪街道", "kind": "STREET", "aliases": [], "residents": %d,
                 "elderly60": %d, "estimate": true, "centroid": {"lat": 39.93, "lon": 116.1}}
                """.formatted(code, residents, elderly60);
    }
}
