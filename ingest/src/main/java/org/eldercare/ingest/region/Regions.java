package org.eldercare.ingest.region;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eldercare.ingest.validation.StreetDirectory;

/**
 * The reference data: Beijing's 16 districts with 2020 census population, the streets of the districts that have
 * a plan (门头沟 110109, 大兴 110115) and those districts' 2025 elderly-care targets.
 *
 * <p>Loaded once from the {@code regions/} classpath resources and immutable afterwards, so it is safe to share
 * between threads. Street population figures are estimates (see {@link Street#estimate()}).
 */
public final class Regions implements StreetDirectory {

    private final List<District> districts;
    private final Map<String, District> districtsByCode;
    private final Map<String, Street> streetsByCode;
    private final StreetNames names;

    Regions(List<District> districts, StreetNames names) {
        this.districts =
                districts.stream().sorted(Comparator.comparing(District::code)).toList();
        this.districtsByCode =
                districts.stream().collect(Collectors.toUnmodifiableMap(District::code, Function.identity()));
        this.streetsByCode = districts.stream()
                .flatMap(d -> d.streets().stream())
                .collect(Collectors.toUnmodifiableMap(Street::code, Function.identity()));
        this.names = names;
    }

    /** The reference data from the classpath; loaded on first use and shared afterwards. */
    public static Regions load() {
        return Holder.INSTANCE;
    }

    /** All districts, sorted by code. */
    public List<District> districts() {
        return districts;
    }

    public Optional<District> district(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(districtsByCode.get(code));
    }

    /** The street with this 9-digit code, if the reference data has it. */
    public Optional<Street> street(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(streetsByCode.get(code));
    }

    /** The streets of a district, sorted by code; empty for an unknown district or one without street data. */
    public List<Street> streetsOf(String districtCode) {
        return district(districtCode).map(District::streets).orElse(List.of());
    }

    /**
     * The street of {@code districtCode} named in {@code text}: an official name (大峪街道), a name without its
     * suffix (大峪), an alias (王平镇 for 王平地区), or an address containing an official name or alias.
     */
    public Optional<Street> streetByName(String districtCode, String text) {
        return names.find(districtCode, text);
    }

    @Override
    public boolean districtExists(String districtCode) {
        return district(districtCode).isPresent();
    }

    @Override
    public boolean streetInDistrict(String streetCode, String districtCode) {
        return street(streetCode)
                .map(s -> s.districtCode().equals(districtCode))
                .orElse(false);
    }

    @Override
    public boolean streetExists(String streetCode) {
        return street(streetCode).isPresent();
    }

    private static final class Holder {
        static final Regions INSTANCE = new RegionsLoader(Regions.class.getClassLoader()).load();
    }
}
