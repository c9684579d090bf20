package org.eldercare.search.register;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eldercare.ingest.event.FacilityKind;

/**
 * A district's basic elderly-care service list (基本养老服务清单, docs/CONTRACT.md §7.3): which labels entitle a person
 * to which service, as data with its source. Loaded from {@code register/service-lists/<districtCode>.json}, or
 * {@code default.json} (built from the national list) for a district without one of its own.
 *
 * @param source the document the list follows, cited in full
 */
public record ServiceList(String district, String title, String source, List<Service> services) {

    private static final String FOLDER = "register/service-lists/";
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ConcurrentHashMap<String, ServiceList> LOADED = new ConcurrentHashMap<>();

    public ServiceList {
        services = List.copyOf(services);
    }

    /**
     * One service of the list: due to a person who holds every label of {@code allOf} and, when {@code anyOf} is not
     * empty, at least one of {@code anyOf}.
     *
     * @param frequency {@code CONTINUOUS}, {@code MONTHLY}, {@code YEARLY} or {@code ONCE}
     * @param projectDefault true where the frequency is the project's default, not the source's
     * @param servedBy the facility kinds that deliver it; empty for an allowance or an assessment
     */
    public record Service(
            String code,
            String name,
            String nameEn,
            String category,
            List<CareLabel> anyOf,
            List<CareLabel> allOf,
            String frequency,
            boolean projectDefault,
            List<FacilityKind> servedBy,
            String clause) {

        public Service {
            anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
            allOf = allOf == null ? List.of() : List.copyOf(allOf);
            servedBy = servedBy == null ? List.of() : List.copyOf(servedBy);
        }

        public boolean entitles(Set<CareLabel> labels) {
            return labels.containsAll(allOf)
                    && (anyOf.isEmpty() || anyOf.stream().anyMatch(labels::contains));
        }
    }

    /** The list of {@code districtCode}, or the default list when the district has none. */
    public static ServiceList forDistrict(String districtCode) {
        return LOADED.computeIfAbsent(districtCode == null ? "default" : districtCode, code -> {
            ServiceList own = load(code);
            return own != null ? own : load("default");
        });
    }

    /** The facility kinds that deliver any of the services with these codes; unknown codes bring none. */
    public Set<FacilityKind> servingKinds(List<String> serviceCodes) {
        Set<FacilityKind> kinds = EnumSet.noneOf(FacilityKind.class);
        services.stream().filter(s -> serviceCodes.contains(s.code())).forEach(s -> kinds.addAll(s.servedBy()));
        return kinds;
    }

    /** The services due to a person with these labels, in the list's order. */
    public List<Service> entitlements(List<Label> labels) {
        Set<CareLabel> held = EnumSet.noneOf(CareLabel.class);
        labels.forEach(l -> held.add(l.label()));
        return services.stream().filter(s -> s.entitles(held)).toList();
    }

    private static ServiceList load(String name) {
        try (InputStream in = ServiceList.class.getClassLoader().getResourceAsStream(FOLDER + name + ".json")) {
            if (in == null) {
                return null;
            }
            ServiceList list = JSON.readValue(in, ServiceList.class);
            if (list.source() == null || list.source().isBlank()) {
                throw new IllegalStateException(FOLDER + name + ".json: source must name the document it follows");
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(FOLDER + name + ".json: " + e.getMessage(), e);
        }
    }
}
