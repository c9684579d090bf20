package org.eldercare.ingest.validation;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * GB 11643-1999 citizen ID numbers: 6 region digits, the birth date as {@code yyyyMMdd}, 3 sequence digits and the
 * ISO 7064 MOD 11-2 check character ({@code 0-9} or upper-case {@code X}).
 */
final class IdNumberRule {

    static final String RULE = "must be a valid 18-character GB 11643 ID number";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdNumberRule() {}

    /** The birth date the number holds, or null when it is not a valid 18-character number. */
    static LocalDate birthDate(String id) {
        if (id.length() != 18) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (id.charAt(17) != CHECK[sum % 11]) {
            return null;
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
