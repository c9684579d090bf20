package org.eldercare.search.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eldercare.ingest.region.District;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;

/**
 * Places a free-text address in the reference data: {@code 门头沟 大峪街道 ...}, {@code 北京市门头沟区大峪南路3号}
 * and {@code 王平镇东王平村} all name a district and street. The district may be written with or without 区, or
 * be left out when the street name alone is unambiguous.
 */
public final class Addresses {

    private static final Pattern NOISE = Pattern.compile("[\\s,，、·.\\-]+");
    private static final Pattern CITY = Pattern.compile("^(中国)?北京(市)?");
    private static final Pattern STREET_SUFFIX = Pattern.compile("(街道办事处|地区办事处|街道|地区|镇|乡)$");
    /**
     * A road and door number, and the building if written: {@code 康庄路12号院1号楼}. Only the road's last two
     * characters are kept, so {@code 兴丰康庄路} (the street's short name run into the road's) reads as {@code 康庄路}.
     */
    private static final Pattern DWELLING =
            Pattern.compile("(\\p{IsHan}{2})(大街|大道|胡同|路|街|道|巷|里)(\\d+)号院?(?:(\\d+)(?:号楼|栋|幢))?");

    private final Regions regions;

    public Addresses(Regions regions) {
        this.regions = regions;
    }

    /** The place named by {@code address}, or empty when it names no known district. */
    public Optional<Place> place(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String text = CITY.matcher(NOISE.matcher(Widths.toHalfWidth(address)).replaceAll(""))
                .replaceFirst("");
        Optional<District> district = districtIn(text);
        if (district.isPresent()) {
            String code = district.get().code();
            String rest = text.substring(text.indexOf(shortName(district.get()))
                    + shortName(district.get()).length());
            rest = rest.startsWith("区") ? rest.substring(1) : rest;
            Optional<Street> street = streetIn(code, rest);
            return Optional.of(new Place(code, street.map(Street::code).orElse(null)));
        }
        List<Street> found = new ArrayList<>();
        for (District d : regions.districts()) {
            streetIn(d.code(), text).ifPresent(found::add);
        }
        return found.size() == 1
                ? Optional.of(new Place(
                        found.getFirst().districtCode(), found.getFirst().code()))
                : Optional.empty();
    }

    /**
     * The dwelling {@code address} names, as a canonical text {@code 康庄路|12|1} (road, door number, building;
     * the building empty when not written), or empty when it names no road and door number. Two addresses of one
     * building give the same text however the district and street are written. It is evidence for resolution
     * only, and leaves the normaliser only as a keyed digest ({@link Pii#hashDwelling}, docs/CONTRACT.md §7.6).
     */
    public static Optional<String> dwelling(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        Matcher m = DWELLING.matcher(NOISE.matcher(Widths.toHalfWidth(address)).replaceAll(""));
        if (!m.find()) {
            return Optional.empty();
        }
        String building = m.group(4) == null ? "" : String.valueOf(Integer.parseInt(m.group(4)));
        return Optional.of(m.group(1) + m.group(2) + "|" + Integer.parseInt(m.group(3)) + "|" + building);
    }

    private Optional<District> districtIn(String text) {
        return regions.districts().stream()
                .filter(d -> text.contains(shortName(d)))
                .min(Comparator.comparingInt(d -> text.indexOf(shortName(d))));
    }

    private Optional<Street> streetIn(String districtCode, String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Street> named = regions.streetByName(districtCode, text);
        if (named.isPresent()) {
            return named;
        }
        // 大峪南路3号: a short street name is trusted only at the start of what follows the district.
        return regions.streetsOf(districtCode).stream()
                .filter(s -> {
                    String shortName = STREET_SUFFIX.matcher(s.name()).replaceFirst("");
                    return shortName.length() >= 2 && text.startsWith(shortName);
                })
                .max(Comparator.comparingInt(s -> s.name().length()));
    }

    private static String shortName(District d) {
        return d.name().endsWith("区") && d.name().length() > 2
                ? d.name().substring(0, d.name().length() - 1)
                : d.name();
    }
}
