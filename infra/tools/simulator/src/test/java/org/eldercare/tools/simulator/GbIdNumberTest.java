package org.eldercare.tools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GbIdNumberTest {

    @Test
    void computesTheCheckCharacterOfTheStandardsExample() {
        assertThat(GbIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void buildsAValidNumberWithSexInTheSequenceParity() {
        String man = GbIdNumber.of("110115", LocalDate.of(1950, 6, 1), 42, true);
        String woman = GbIdNumber.of("110115", LocalDate.of(1950, 6, 1), 42, false);

        assertThat(man).startsWith("11011519500601").hasSize(18);
        assertThat(GbIdNumber.isValid(man)).isTrue();
        assertThat(GbIdNumber.isValid(woman)).isTrue();
        assertThat((man.charAt(16) - '0') % 2).isEqualTo(1);
        assertThat((woman.charAt(16) - '0') % 2).isZero();
    }

    @Test
    void spotsAMistypedDigit() {
        String id = GbIdNumber.of("110109", LocalDate.of(1941, 2, 3), 7, true);
        String typo = id.substring(0, 10) + (char) ('0' + (id.charAt(10) - '0' + 1) % 10) + id.substring(11);

        assertThat(GbIdNumber.isValid(typo)).isFalse();
    }

    @Test
    void shortensToTheFifteenDigitForm() {
        assertThat(GbIdNumber.toFifteenDigits("11010519491231002X")).isEqualTo("110105491231002");
    }
}
