package org.eldercare.ingest.validation;

/** Character checks done by hand: they run on every field of every event, so no regex. */
final class Text {

    private Text() {}

    /** Length in Unicode code points, as the contract's "characters" means, without counting short strings. */
    static boolean lengthBetween(String s, int min, int max) {
        int units = s.length();
        if (units < min) {
            return false;
        }
        if (units <= max) {
            return min <= 1 || s.codePointCount(0, units) >= min;
        }
        return units <= 2 * max && s.codePointCount(0, units) <= max;
    }

    /** No unpaired surrogate: such a string cannot be written as UTF-8. */
    static boolean isWellFormed(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** 1 to {@code max} characters of {@code [A-Za-z0-9_-]}, plus {@code .} when {@code allowDot}. */
    static boolean isCode(String s, int max, boolean allowDot) {
        int n = s.length();
        if (n < 1 || n > max) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-'
                    || (allowDot && c == '.');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s, int count) {
        if (s.length() != count) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** At most {@code max} UTF-16 units, for echoing raw attributes back safely. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
