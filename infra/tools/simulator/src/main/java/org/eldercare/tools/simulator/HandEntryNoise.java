package org.eldercare.tools.simulator;

import java.util.SplittableRandom;
import org.eldercare.ingest.event.Recipient;

/**
 * What an operator's staff type about a {@link Person}: often only some fields, and now and then
 * with the slips real records have: extra spaces, full-width digits, a missing or old 15-digit ID
 * number, a character that sounds like the right one. Name and one other field are always kept, so
 * the record stays valid per docs/CONTRACT.md §1.
 */
final class HandEntryNoise {

    private final NameBook names;
    private final double noiseRate;

    HandEntryNoise(NameBook names, double noiseRate) {
        this.names = names;
        this.noiseRate = noiseRate;
    }

    Recipient typed(Person person, SplittableRandom random) {
        String name = person.name();
        String idNumber = random.nextInt(100) < 80 ? person.idNumber() : null;
        String phone = random.nextInt(100) < 85 ? person.phone() : null;
        String gender = random.nextInt(100) < 70 ? person.gender() : null;
        var birthDate = random.nextInt(100) < 60 ? person.birthDate() : null;
        String address = random.nextInt(100) < 75 || (idNumber == null && phone == null) ? person.address() : null;
        var location = random.nextInt(100) < 30 ? person.home() : null;
        if (random.nextDouble() < noiseRate) {
            switch (random.nextInt(5)) {
                case 0 -> name = spaced(name, random);
                case 1 -> {
                    phone = phone == null ? null : fullWidth(phone);
                    idNumber = idNumber == null ? null : fullWidth(idNumber);
                }
                case 2 -> {
                    idNumber = null;
                    address = person.address();
                }
                case 3 -> idNumber = GbIdNumber.toFifteenDigits(person.idNumber());
                default -> name = names.soundAlike(name, random);
            }
        }
        return new Recipient(name, idNumber, phone, gender, birthDate, address, location);
    }

    private static String spaced(String name, SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> name.charAt(0) + " " + name.substring(1);
            case 1 -> " " + name + " ";
            default -> name.charAt(0) + "\u3000" + name.substring(1);
        };
    }

    /** ASCII digits as their full-width forms (０-９), as Chinese input methods produce. */
    static String fullWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return out.toString();
    }
}
