package org.eldercare.search.normalize;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses resident identity numbers (GB 11643-1999): 17 digits and a MOD 11-2 check character, or the older
 * 15-digit form (no century, no check character), which is upgraded to 18 characters.
 *
 * <p>Accepts full-width digits, separators and a lower-case {@code x}. Text that does not have the shape of an
 * identity number yields empty; a number of the right shape whose check fails yields an invalid {@link IdNumber}.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Pattern EIGHTEEN = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern FIFTEEN = Pattern.compile("\\d{15}");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private IdNumbers() {}

    /** The number in {@code raw}, or empty when {@code raw} is blank or not shaped like an identity number. */
    public static Optional<IdNumber> parse(String raw) {
        String text = Widths.lettersAndDigits(raw).toUpperCase();
        if (FIFTEEN.matcher(text).matches()) {
            String body = text.substring(0, 6) + "19" + text.substring(6);
            return Optional.of(of(body + checkChar(body), true));
        }
        if (EIGHTEEN.matcher(text).matches()) {
            return Optional.of(of(text, false));
        }
        return Optional.empty();
    }

    /** The check character for the first 17 digits of {@code body}. */
    public static char checkChar(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /**
     * Valid numbers one typing slip away from an invalid one: one digit replaced, or two neighbours swapped. MOD
     * 11-2 catches every such slip, so the true number, if the slip was one of these, is in this set.
     */
    public static Set<String> oneSlipCorrections(IdNumber number) {
        Set<String> out = new LinkedHashSet<>();
        if (number.valid()) {
            return out;
        }
        String v = number.value();
        for (int i = 0; i < 18; i++) {
            for (char d = '0'; d <= '9'; d++) {
                addIfValid(out, v.substring(0, i) + d + v.substring(i + 1));
            }
        }
        addIfValid(out, v.substring(0, 17) + 'X');
        for (int i = 0; i < 17; i++) {
            addIfValid(out, v.substring(0, i) + v.charAt(i + 1) + v.charAt(i) + v.substring(i + 2));
        }
        return out;
    }

    private static void addIfValid(Set<String> out, String candidate) {
        if (EIGHTEEN.matcher(candidate).matches() && of(candidate, false).valid()) {
            out.add(candidate);
        }
    }

    private static IdNumber of(String value, boolean upgraded) {
        LocalDate birth = birthDate(value);
        boolean valid = birth != null && checkChar(value) == value.charAt(17);
        String gender = (value.charAt(16) - '0') % 2 == 1 ? "M" : "F";
        return new IdNumber(value, valid, valid ? birth : null, valid ? gender : null, upgraded);
    }

    private static LocalDate birthDate(String value) {
        try {
            LocalDate date = LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
            return date.isBefore(EARLIEST) || date.isAfter(LocalDate.now()) ? null : date;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
