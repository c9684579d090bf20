package org.eldercare.search.normalize;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Normalises Chinese person names as operators type them: trims, folds full-width forms, drops spaces, middle
 * dots and other separators, converts traditional characters to simplified, and derives pinyin.
 *
 * <p>Pinyin is per character, first dictionary reading, with the surname readings of common polyphonic surnames
 * (单 shan, 曾 zeng, 区 ou). Being deterministic per character matters more than being right: the same
 * characters must always give the same key.
 */
public final class NameNormalizer {

    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "长孙", "宇文", "轩辕", "端木", "独孤", "南宫",
            "西门", "申屠", "闻人", "澹台", "呼延", "万俟");
    private static final Map<Character, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry('单', "shan4"),
            Map.entry('曾', "zeng1"),
            Map.entry('区', "ou1"),
            Map.entry('仇', "qiu2"),
            Map.entry('解', "xie4"),
            Map.entry('朴', "piao2"),
            Map.entry('查', "zha1"),
            Map.entry('缪', "miao4"),
            Map.entry('翟', "zhai2"),
            Map.entry('乐', "yue4"),
            Map.entry('盖', "ge3"),
            Map.entry('尉', "yu4"),
            Map.entry('万', "wan4"),
            Map.entry('沈', "shen3"),
            Map.entry('覃', "qin2"),
            Map.entry('秘', "bi4"));
    private static final HanyuPinyinOutputFormat TONED = format();

    private NameNormalizer() {}

    /** The cleaned, simplified form of {@code raw}; empty for null or blank input. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        Widths.toHalfWidth(raw).codePoints().filter(Character::isLetter).forEach(kept::appendCodePoint);
        if (kept.isEmpty()) {
            return "";
        }
        return HanLP.convertToSimplifiedChinese(kept.toString()).toLowerCase();
    }

    /** The normalised name with surname split and pinyin. */
    public static NormalizedName normalize(String raw) {
        return ofCleanText(clean(raw));
    }

    /** The split and pinyin of a name that is already the output of {@link #clean}; skips the conversion. */
    public static NormalizedName ofCleanText(String text) {
        int surnameLength =
                text.length() >= 3 && COMPOUND_SURNAMES.contains(text.substring(0, 2)) ? 2 : Math.min(1, text.length());
        List<String> tones = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String surnameReading = i == 0 ? SURNAME_READINGS.get(c) : null;
            tones.add(surnameReading != null ? surnameReading : reading(c));
        }
        List<String> syllables = tones.stream().map(NameNormalizer::withoutTone).toList();
        return new NormalizedName(
                text, text.substring(0, surnameLength), text.substring(surnameLength), syllables, tones);
    }

    /** Toneless pinyin of one character, or the character itself when it has none (latin letters). */
    public static String syllable(char c) {
        return withoutTone(reading(c));
    }

    /** pinyin4j formats each reading with regexes on every call; the set of characters is small, so remember them. */
    private static final java.util.concurrent.ConcurrentHashMap<Character, String> READINGS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static String reading(char c) {
        return READINGS.computeIfAbsent(c, NameNormalizer::lookUpReading);
    }

    private static String lookUpReading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, TONED);
            return readings == null || readings.length == 0 ? String.valueOf(c) : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin format", e);
        }
    }

    private static String withoutTone(String toned) {
        int end = toned.length();
        while (end > 1 && Character.isDigit(toned.charAt(end - 1))) {
            end--;
        }
        return toned.substring(0, end);
    }

    private static HanyuPinyinOutputFormat format() {
        HanyuPinyinOutputFormat f = new HanyuPinyinOutputFormat();
        f.setToneType(HanyuPinyinToneType.WITH_TONE_NUMBER);
        f.setVCharType(HanyuPinyinVCharType.WITH_V);
        f.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        return f;
    }
}
