package org.eldercare.search.normalize;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises phone numbers as operators type them: {@code +86 138-1234-5678}, {@code (010) 6985 1234},
 * full-width digits. Beijing landlines without an area code get {@code 010}. Anything else is empty.
 */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0[1-9]\\d{1,2}[2-9]\\d{6,7}");
    private static final Pattern LOCAL_BEIJING = Pattern.compile("[2-9]\\d{7}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()（）.]");

    private Phones() {}

    /** The phone in {@code raw}, or empty when it is blank or not a Chinese mobile or landline number. */
    public static Optional<Phone> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = SEPARATORS.matcher(Widths.toHalfWidth(raw).strip()).replaceAll("");
        boolean international = true;
        if (text.startsWith("+86")) {
            text = text.substring(3);
        } else if (text.startsWith("0086")) {
            text = text.substring(4);
        } else if (text.length() == 13 && text.startsWith("86")) {
            text = text.substring(2);
        } else {
            international = false;
        }
        if (international && !text.startsWith("0") && !MOBILE.matcher(text).matches()) {
            // +86 10 6985 1234: the international form drops the trunk prefix of the area code.
            text = "0" + text;
        }
        if (MOBILE.matcher(text).matches()) {
            return Optional.of(new Phone(text, Phone.Kind.MOBILE));
        }
        if (LANDLINE.matcher(text).matches()) {
            return Optional.of(new Phone(text, Phone.Kind.LANDLINE));
        }
        if (LOCAL_BEIJING.matcher(text).matches()) {
            return Optional.of(new Phone("010" + text, Phone.Kind.LANDLINE));
        }
        return Optional.empty();
    }
}
