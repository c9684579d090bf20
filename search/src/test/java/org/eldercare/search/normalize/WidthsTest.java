package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WidthsTest {

    @Test
    void foldsFullWidthDigitsLettersAndSpace() {
        assertThat(Widths.toHalfWidth("１３８　ＡＢｘ（）")).isEqualTo("138 ABx()");
    }

    @Test
    void keepsChineseCharacters() {
        assertThat(Widths.toHalfWidth("张伟")).isEqualTo("张伟");
        assertThat(Widths.lettersAndDigits(" 张-伟 １")).isEqualTo("张伟1");
    }
}
