package org.eldercare.ingest.region;

import java.util.List;
import org.eldercare.ingest.event.GeoPoint;

/** The shapes of the JSON resources under {@code regions/}; see the README there for what each figure means. */
final class ReferenceFiles {

    static final String DISTRICTS = "regions/districts.json";
    static final String PLAN_TARGETS = "regions/plan-targets.json";

    private ReferenceFiles() {}

    static String streetsOf(String districtCode) {
        return "regions/streets/" + districtCode + ".json";
    }

    record DistrictsFile(String provenance, List<DistrictRow> districts) {}

    record DistrictRow(String code, String name, long residents, long elderly60) {}

    record StreetsFile(String districtCode, String provenance, List<StreetRow> streets) {}

    record StreetRow(
            String code,
            String name,
            StreetKind kind,
            List<String> aliases,
            long residents,
            long elderly60,
            boolean estimate,
            GeoPoint centroid) {

        Street toStreet(String districtCode) {
            return new Street(code, name, districtCode, residents, elderly60, estimate, centroid);
        }
    }

    /** {@code national} holds the targets of the national plan, which every district carries (CONTRACT §8.3). */
    record PlanTargetsFile(String provenance, NationalPlan national, List<DistrictPlan> districts) {}

    record NationalPlan(String plan, List<PlanTarget> targets) {}

    record DistrictPlan(String districtCode, String plan, List<PlanTarget> targets) {}
}
