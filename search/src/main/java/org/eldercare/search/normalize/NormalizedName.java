package org.eldercare.search.normalize;

import java.util.List;

/**
 * A person's name after {@link NameNormalizer}: simplified characters without separators, split into surname
 * (compound surnames such as 欧阳 kept whole) and given name, with one toneless and one toned pinyin syllable per
 * character. {@code pinyin} is the syllables joined ({@code zhangwei}), the key homophones share.
 */
public record NormalizedName(String text, String surname, String given, List<String> syllables, List<String> tones) {

    public NormalizedName {
        syllables = List.copyOf(syllables);
        tones = List.copyOf(tones);
    }

    public String pinyin() {
        return String.join("", syllables);
    }

    public String pinyinWithTones() {
        return String.join("", tones);
    }

    /** Overlapping character pairs ({@code 张建国} → 张建, 建国); a one-character name is its own bigram. */
    public List<String> bigrams() {
        if (text.length() < 2) {
            return List.of(text);
        }
        return java.util.stream.IntStream.range(0, text.length() - 1)
                .mapToObj(i -> text.substring(i, i + 2))
                .toList();
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
