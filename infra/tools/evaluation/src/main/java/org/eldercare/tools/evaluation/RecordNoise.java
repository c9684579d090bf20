package org.eldercare.tools.evaluation;

import java.util.Random;
import org.eldercare.ingest.event.GeoPoint;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.ingest.region.Regions;
import org.eldercare.ingest.region.Street;
import org.eldercare.search.match.MatchRequest;

/**
 * Writes a true person down the way a care worker or hotline operator would: fields left out, a mistyped or
 * transposed digit, the old 15-digit id, full-width digits, spaces and dashes, a homophone or look-alike in the
 * name, the address in another form.
 */
final class RecordNoise {

    private final Random random;
    private final NameNoise names;
    private final Regions regions;

    RecordNoise(Random random, NameNoise names, Regions regions) {
        this.random = random;
        this.names = names;
        this.regions = regions;
    }

    Recipient record(TruePerson p, String phone) {
        Recipient r;
        do {
            r = new Recipient(
                    name(p.name(), 1.0),
                    chance(0.35) ? null : idNumber(p.idNumber(), 1.0),
                    chance(0.3) ? null : phone(phone),
                    chance(0.3) ? null : p.gender(),
                    chance(0.45) ? null : p.birthDate(),
                    chance(0.2) ? null : address(p),
                    chance(0.6) ? null : near(p.home()));
        } while (r.idNumber() == null && r.phone() == null && r.birthDate() == null && r.address() == null);
        return r;
    }

    MatchRequest query(TruePerson p) {
        MatchRequest q;
        do {
            q = new MatchRequest(
                    name(p.name(), 1.5),
                    chance(0.5) ? null : idNumber(p.idNumber(), 1.5),
                    chance(0.5) ? null : phone(p.phones().getLast()),
                    chance(0.5) ? null : p.birthDate(),
                    chance(0.6) ? null : p.gender(),
                    chance(0.6) ? null : address(p),
                    null);
        } while (q.idNumber() == null && q.phone() == null && q.birthDate() == null && q.address() == null);
        return q;
    }

    private String name(String name, double scale) {
        double roll = random.nextDouble() / scale;
        if (roll < 0.05) {
            return names.homophone(name, random);
        } else if (roll < 0.08) {
            return names.lookAlike(name, random);
        } else if (roll < 0.09) {
            return NameNoise.swapGiven(name);
        } else if (roll < 0.12) {
            return NameNoise.traditional(name);
        } else if (roll < 0.17) {
            return NameNoise.spaced(name, random);
        }
        return name;
    }

    private String idNumber(String id, double scale) {
        double roll = random.nextDouble() / scale;
        if (roll < 0.04) {
            int at = random.nextInt(17);
            char wrong = (char) ('0' + (id.charAt(at) - '0' + 1 + random.nextInt(9)) % 10);
            return id.substring(0, at) + wrong + id.substring(at + 1);
        } else if (roll < 0.07) {
            int at = random.nextInt(16);
            return id.substring(0, at) + id.charAt(at + 1) + id.charAt(at) + id.substring(at + 2);
        } else if (roll < 0.12) {
            return id.substring(0, 6) + id.substring(8, 17);
        } else if (roll < 0.17) {
            return fullWidth(id).toLowerCase();
        } else if (roll < 0.20) {
            return id.substring(0, 6) + " " + id.substring(6, 14) + " "
                    + id.substring(14).toLowerCase();
        }
        return id;
    }

    private String phone(String phone) {
        double roll = random.nextDouble();
        if (phone.startsWith("010")) {
            return roll < 0.3 ? "010-" + phone.substring(3) : roll < 0.4 ? "(010)" + phone.substring(3) : phone;
        }
        if (roll < 0.1) {
            return "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);
        } else if (roll < 0.2) {
            return phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        } else if (roll < 0.25) {
            return fullWidth(phone);
        }
        return phone;
    }

    private String address(TruePerson p) {
        Street s = p.street();
        String district = regions.district(s.districtCode()).orElseThrow().name();
        String shortDistrict = district.substring(0, district.length() - 1);
        String streetName = s.name().endsWith("地区") && chance(0.5) ? s.name().replace("地区", "镇") : s.name();
        String shortStreet = s.name().replaceAll("(街道|地区|镇|乡)$", "");
        return switch (random.nextInt(5)) {
            case 0 -> "北京市" + district + streetName + p.addressLine();
            case 1 -> shortDistrict + " " + streetName + " " + p.addressLine();
            case 2 -> streetName + p.addressLine();
            case 3 -> district + shortStreet + p.addressLine();
            default -> district + p.addressLine();
        };
    }

    private GeoPoint near(GeoPoint home) {
        return new GeoPoint(
                home.lat() + (random.nextDouble() - 0.5) * 0.001, home.lon() + (random.nextDouble() - 0.5) * 0.001);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }
}
