package org.eldercare.search.normalize;

/** Folds full-width forms (１２３, ＡＢＣ, ideographic space) typed by Chinese input methods to their ASCII twins. */
public final class Widths {

    private Widths() {}

    /** {@code text} with every full-width ASCII variant (U+FF01–U+FF5E) and U+3000 replaced; null stays null. */
    public static String toHalfWidth(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u3000') {
                out.append(' ');
            } else if (c >= '\uFF01' && c <= '\uFF5E') {
                out.append((char) (c - 0xFEE0));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code text} half-width with every character that is not a letter or digit removed. */
    public static String lettersAndDigits(String text) {
        if (text == null) {
            return "";
        }
        String half = toHalfWidth(text);
        StringBuilder out = new StringBuilder(half.length());
        half.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
