package org.eldercare.tools.simulator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Resident identity numbers of GB 11643-1999: 6-digit region, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character. Also the older 15-digit
 * form (2-digit year, no check character) that still turns up in hand-entered records.
 */
public final class GbIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("yyyyMMdd");

    private GbIdNumber() {}

    /** The check character for the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        if (first17.length() < 17) {
            throw new IllegalArgumentException("first17: must be 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("first17: must be 17 digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * An 18-character number. {@code sequence} (0-999) is adjusted to the next number of the right
     * parity for {@code male}.
     */
    public static String of(String regionCode, LocalDate birthDate, int sequence, boolean male) {
        int seq = Math.floorMod(sequence, 1000);
        if ((seq % 2 == 1) != male) {
            seq = (seq + 1) % 1000;
        }
        String first17 = regionCode + BIRTH.format(birthDate) + String.format("%03d", seq);
        return first17 + checkCharacter(first17);
    }

    /** True for 17 digits followed by the right check character. */
    public static boolean isValid(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return false;
        }
        try {
            return checkCharacter(idNumber) == Character.toUpperCase(idNumber.charAt(17));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The first-generation 15-digit form of an 18-character number: no century, no check character. */
    public static String toFifteenDigits(String idNumber) {
        return idNumber.substring(0, 6) + idNumber.substring(8, 17);
    }
}
