package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameSimilarityTest {

    @ParameterizedTest
    @CsvSource({
        "张伟, 张伟, EXACT",
        "張偉, 张伟, EXACT",
        "张伟, 章伟, SAME_PINYIN",
        "王建国, 王国建, SWAPPED_GIVEN",
        "王己明, 王已明, SIMILAR_CHARACTER",
        "李未华, 李末华, SIMILAR_CHARACTER",
        "王建国, 王建军, ONE_CHARACTER_OFF",
        "王秀兰, 王兰, ONE_CHARACTER_OFF",
        "王建国, 李秀英, DIFFERENT",
        "王建国, 王明华, DIFFERENT"
    })
    void classifiesHowTwoNamesRelate(String a, String b, NameAgreement expected) {
        assertThat(NameSimilarity.compare(NameNormalizer.normalize(a), NameNormalizer.normalize(b)))
                .isEqualTo(expected);
    }
}
