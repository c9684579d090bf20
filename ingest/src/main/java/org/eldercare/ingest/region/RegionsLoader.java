package org.eldercare.ingest.region;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eldercare.ingest.region.ReferenceFiles.DistrictPlan;
import org.eldercare.ingest.region.ReferenceFiles.DistrictRow;
import org.eldercare.ingest.region.ReferenceFiles.DistrictsFile;
import org.eldercare.ingest.region.ReferenceFiles.PlanTargetsFile;
import org.eldercare.ingest.region.ReferenceFiles.StreetRow;
import org.eldercare.ingest.region.ReferenceFiles.StreetsFile;

/** Reads the {@code regions/} classpath resources and checks their codes before anyone relies on them. */
final class RegionsLoader {

    /** Strict: a misspelt or missing field in a resource must fail at startup, not read as 0. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final ClassLoader classLoader;

    RegionsLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    Regions load() {
        List<DistrictRow> rows =
                read(ReferenceFiles.DISTRICTS, DistrictsFile.class).districts();
        PlanTargetsFile plans = read(ReferenceFiles.PLAN_TARGETS, PlanTargetsFile.class);
        Map<String, List<PlanTarget>> targets =
                plans.districts().stream().collect(Collectors.toMap(DistrictPlan::districtCode, DistrictPlan::targets));
        List<PlanTarget> national =
                plans.national() == null ? List.of() : plans.national().targets();
        Set<String> seenStreets = new HashSet<>();
        List<District> districts = new ArrayList<>();
        StreetNames names = new StreetNames();
        for (DistrictRow row : rows) {
            require(row.code().matches("\\d{6}"), ReferenceFiles.DISTRICTS, row.code(), "code: must be 6 digits");
            List<Street> streets = new ArrayList<>();
            for (StreetRow streetRow : streetRowsOf(row.code())) {
                String file = ReferenceFiles.streetsOf(row.code());
                checkStreet(file, row.code(), streetRow, seenStreets);
                Street street = streetRow.toStreet(row.code());
                streets.add(street);
                names.add(street, streetRow.aliases(), streetRow.kind());
            }
            streets.sort(Comparator.comparing(Street::code));
            districts.add(new District(
                    row.code(),
                    row.name(),
                    row.residents(),
                    row.elderly60(),
                    streets,
                    withNational(targets.getOrDefault(row.code(), List.of()), national)));
        }
        Map<String, District> byCode =
                districts.stream().collect(Collectors.toMap(District::code, Function.identity()));
        require(byCode.size() == districts.size(), ReferenceFiles.DISTRICTS, "", "code: must be unique");
        require(
                byCode.keySet().containsAll(targets.keySet()),
                ReferenceFiles.PLAN_TARGETS,
                targets.keySet().toString(),
                "districtCode: must be a known district");
        return new Regions(districts, names);
    }

    /** A district's own targets, then each national one its plan does not set itself. */
    private static List<PlanTarget> withNational(List<PlanTarget> own, List<PlanTarget> national) {
        List<PlanTarget> all = new ArrayList<>(own);
        Set<String> set = own.stream().map(PlanTarget::indicator).collect(Collectors.toSet());
        national.stream().filter(t -> !set.contains(t.indicator())).forEach(all::add);
        return List.copyOf(all);
    }

    private List<StreetRow> streetRowsOf(String districtCode) {
        String file = ReferenceFiles.streetsOf(districtCode);
        if (classLoader.getResource(file) == null) {
            return List.of();
        }
        StreetsFile streets = read(file, StreetsFile.class);
        require(
                districtCode.equals(streets.districtCode()),
                file,
                streets.districtCode(),
                "districtCode: must match the file name");
        return streets.streets();
    }

    private static void checkStreet(String file, String districtCode, StreetRow row, Set<String> seen) {
        require(row.code().matches("\\d{9}"), file, row.code(), "code: must be 9 digits");
        require(row.code().startsWith(districtCode), file, row.code(), "code: must start with " + districtCode);
        require(seen.add(row.code()), file, row.code(), "code: must be unique");
        require(
                row.residents() >= 0 && row.elderly60() >= 0 && row.elderly60() <= row.residents(),
                file,
                row.code(),
                "elderly60: must be between 0 and residents");
    }

    private <T> T read(String resource, Class<T> type) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": resource not found on the classpath");
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": cannot be read as " + type.getSimpleName(), e);
        }
    }

    private static void require(boolean ok, String file, String subject, String rule) {
        if (!ok) {
            throw new IllegalStateException(file + " [" + subject + "] " + rule);
        }
    }
}
