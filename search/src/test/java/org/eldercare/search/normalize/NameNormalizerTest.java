package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    @Test
    void stripsSpacesDotsAndFullWidthForms() {
        assertThat(NameNormalizer.clean("  张　伟 ")).isEqualTo("张伟");
        assertThat(NameNormalizer.clean("阿依·买买提")).isEqualTo("阿依买买提");
        assertThat(NameNormalizer.clean("王.建-国")).isEqualTo("王建国");
    }

    @Test
    void convertsTraditionalToSimplified() {
        assertThat(NameNormalizer.clean("劉德華")).isEqualTo("刘德华");
        assertThat(NameNormalizer.clean("鄭麗華")).isEqualTo("郑丽华");
    }

    @Test
    void givesEmptyForBlankInput() {
        assertThat(NameNormalizer.normalize(null).isEmpty()).isTrue();
        assertThat(NameNormalizer.normalize(" · ").isEmpty()).isTrue();
    }

    @Test
    void givesPinyinWithAndWithoutTones() {
        NormalizedName name = NameNormalizer.normalize("张伟");

        assertThat(name.pinyin()).isEqualTo("zhangwei");
        assertThat(name.pinyinWithTones()).isEqualTo("zhang1wei3");
    }

    @Test
    void readsPolyphonicSurnamesAsSurnames() {
        assertThat(NameNormalizer.normalize("单雄信").pinyin()).startsWith("shan");
        assertThat(NameNormalizer.normalize("曾国藩").pinyin()).startsWith("zeng");
    }

    @Test
    void keepsCompoundSurnamesWhole() {
        NormalizedName name = NameNormalizer.normalize("欧阳修文");

        assertThat(name.surname()).isEqualTo("欧阳");
        assertThat(name.given()).isEqualTo("修文");
    }

    @Test
    void splitsNamesIntoOverlappingBigrams() {
        assertThat(NameNormalizer.normalize("张建国").bigrams()).containsExactly("张建", "建国");
        assertThat(NameNormalizer.normalize("李").bigrams()).containsExactly("李");
    }
}
