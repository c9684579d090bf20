package org.eldercare.search.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Classifies the relation between two names as a {@link NameAgreement}; the confusable pairs are a resource. */
public final class NameSimilarity {

    private static final String LOOK_ALIKES = "/normalize/similar-characters.txt";
    private static final Map<Character, Integer> GROUP_OF = loadGroups();

    private NameSimilarity() {}

    public static NameAgreement compare(NormalizedName a, NormalizedName b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return NameAgreement.DIFFERENT;
        }
        String x = a.text();
        String y = b.text();
        if (x.equals(y)) {
            return NameAgreement.EXACT;
        }
        if (x.length() == y.length()) {
            if (a.pinyin().equals(b.pinyin())) {
                return NameAgreement.SAME_PINYIN;
            }
            if (swappedGiven(a, b)) {
                return NameAgreement.SWAPPED_GIVEN;
            }
            int diff = onlyDifference(x, y);
            if (diff >= 0) {
                return lookOrSoundAlike(x.charAt(diff), y.charAt(diff))
                        ? NameAgreement.SIMILAR_CHARACTER
                        : NameAgreement.ONE_CHARACTER_OFF;
            }
            return NameAgreement.DIFFERENT;
        }
        return oneInsertion(x, y) ? NameAgreement.ONE_CHARACTER_OFF : NameAgreement.DIFFERENT;
    }

    /** Whether two characters are a known look-alike pair or share toneless pinyin. */
    public static boolean lookOrSoundAlike(char p, char q) {
        Integer group = GROUP_OF.get(p);
        if (group != null && group.equals(GROUP_OF.get(q))) {
            return true;
        }
        return NameNormalizer.syllable(p).equals(NameNormalizer.syllable(q));
    }

    private static boolean swappedGiven(NormalizedName a, NormalizedName b) {
        String g = a.given();
        String h = b.given();
        return a.surname().equals(b.surname())
                && g.length() == 2
                && h.length() == 2
                && g.charAt(0) == h.charAt(1)
                && g.charAt(1) == h.charAt(0);
    }

    private static int onlyDifference(String x, String y) {
        int found = -1;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                if (found >= 0) {
                    return -1;
                }
                found = i;
            }
        }
        return found;
    }

    private static boolean oneInsertion(String x, String y) {
        String longer = x.length() > y.length() ? x : y;
        String shorter = longer == x ? y : x;
        if (longer.length() != shorter.length() + 1 || shorter.length() < 2) {
            return false;
        }
        for (int i = 0; i < longer.length(); i++) {
            if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
                return true;
            }
        }
        return false;
    }

    private static Map<Character, Integer> loadGroups() {
        Map<Character, Integer> groups = new HashMap<>();
        try (InputStream in =
                        Objects.requireNonNull(NameSimilarity.class.getResourceAsStream(LOOK_ALIKES), LOOK_ALIKES);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int group = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String chars = line.strip();
                if (chars.isEmpty() || chars.startsWith("#")) {
                    continue;
                }
                group++;
                for (char c : chars.toCharArray()) {
                    groups.put(c, group);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(LOOK_ALIKES, e);
        }
        return Map.copyOf(groups);
    }
}
