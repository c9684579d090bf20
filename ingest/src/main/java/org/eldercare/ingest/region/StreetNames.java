package org.eldercare.ingest.region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a street by the way people write it: the official name (大峪街道), the name without its suffix (大峪), or
 * an alias from the reference data (王平镇 for 王平地区), either alone or inside a longer address.
 */
final class StreetNames {

    private static final Pattern SUFFIX = Pattern.compile("(街道办事处|地区办事处|街道|地区|镇|乡)$");
    private static final Pattern BLANKS = Pattern.compile("\\s+");

    /** A spelling of a street; {@code containable} spellings are specific enough to be found inside an address. */
    private record Spelling(String text, Street street, boolean containable) {}

    private final Map<String, List<Spelling>> byDistrict = new HashMap<>();

    void add(Street street, List<String> aliases, StreetKind kind) {
        List<Spelling> spellings = byDistrict.computeIfAbsent(street.districtCode(), code -> new ArrayList<>());
        spellings.add(new Spelling(street.name(), street, true));
        aliases.forEach(alias -> spellings.add(new Spelling(alias, street, true)));
        if (kind != StreetKind.ZONE) {
            // A bare short name like 永定 also occurs in 永定河, so it only counts when it is the whole text.
            String shortName = SUFFIX.matcher(street.name()).replaceFirst("");
            if (shortName.length() >= 2) {
                spellings.add(new Spelling(shortName, street, false));
            }
        }
    }

    Optional<Street> find(String districtCode, String text) {
        if (districtCode == null || text == null) {
            return Optional.empty();
        }
        String wanted = BLANKS.matcher(text).replaceAll("");
        List<Spelling> spellings = byDistrict.getOrDefault(districtCode, List.of());
        Optional<Street> exact = spellings.stream()
                .filter(s -> s.text().equals(wanted))
                .map(Spelling::street)
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        return spellings.stream()
                .filter(s -> s.containable() && wanted.contains(s.text()))
                .max(Comparator.comparingInt(s -> s.text().length()))
                .map(Spelling::street);
    }
}
