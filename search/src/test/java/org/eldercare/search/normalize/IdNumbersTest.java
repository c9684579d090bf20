package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumbersTest {

    /** A made-up number of a man born 1949-10-01 registered in 门头沟, with its correct check character. */
    static final String MAN_1949 = withCheck("11010919491001001");

    static String withCheck(String body) {
        return body + IdNumbers.checkChar(body);
    }

    @Test
    void acceptsANumberWhoseCheckCharacterAgrees() {
        IdNumber id = IdNumbers.parse(MAN_1949).orElseThrow();

        assertThat(id.valid()).isTrue();
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 10, 1));
        assertThat(id.gender()).isEqualTo("M");
        assertThat(id.regionPrefix()).isEqualTo("110109");
    }

    @Test
    void computesTheStandardCheckCharacter() {
        // The worked example of GB 11643-1999.
        assertThat(IdNumbers.checkChar("11010519491231002")).isEqualTo('X');
    }

    @Test
    void derivesFemaleFromAnEvenSequenceDigit() {
        IdNumber id = IdNumbers.parse(withCheck("11011519560312002")).orElseThrow();

        assertThat(id.gender()).isEqualTo("F");
    }

    @Test
    void acceptsLowerCaseXAndFullWidthDigitsAndSpaces() {
        IdNumber id = IdNumbers.parse("１１０１０５ 19491231 002x").orElseThrow();

        assertThat(id.valid()).isTrue();
        assertThat(id.value()).isEqualTo("11010519491231002X");
    }

    @Test
    void upgradesAFifteenDigitNumberWithCenturyAndCheckCharacter() {
        IdNumber id = IdNumbers.parse("110109491001001").orElseThrow();

        assertThat(id.value()).isEqualTo(MAN_1949);
        assertThat(id.upgradedFrom15()).isTrue();
        assertThat(id.valid()).isTrue();
    }

    @Test
    void marksAMistypedDigitAsInvalidWithoutDerivingBirthOrGender() {
        String typo = MAN_1949.substring(0, 10) + "2" + MAN_1949.substring(11);

        IdNumber id = IdNumbers.parse(typo).orElseThrow();

        assertThat(id.valid()).isFalse();
        assertThat(id.birthDate()).isNull();
        assertThat(id.gender()).isNull();
    }

    @Test
    void marksAnImpossibleBirthDateAsInvalidEvenWithAMatchingCheck() {
        assertThat(IdNumbers.parse(withCheck("11010919491301001")).orElseThrow().valid())
                .isFalse();
        assertThat(IdNumbers.parse(withCheck("11010918991231001")).orElseThrow().valid())
                .isFalse();
    }

    @Test
    void rejectsTextOfTheWrongShape() {
        assertThat(IdNumbers.parse(null)).isEmpty();
        assertThat(IdNumbers.parse("")).isEmpty();
        assertThat(IdNumbers.parse("1101091949100100")).isEmpty();
        assertThat(IdNumbers.parse("11010919491001001A")).isEmpty();
        assertThat(IdNumbers.parse("X10109194910010011")).isEmpty();
    }

    @Test
    void findsTheTrueNumberAmongOneSlipCorrectionsOfATypo() {
        String wrongDigit = MAN_1949.substring(0, 3) + "9" + MAN_1949.substring(4);
        String swapped = MAN_1949.substring(0, 8) + MAN_1949.charAt(9) + MAN_1949.charAt(8) + MAN_1949.substring(10);

        assertThat(IdNumbers.oneSlipCorrections(IdNumbers.parse(wrongDigit).orElseThrow()))
                .contains(MAN_1949);
        assertThat(IdNumbers.oneSlipCorrections(IdNumbers.parse(swapped).orElseThrow()))
                .contains(MAN_1949);
        assertThat(IdNumbers.oneSlipCorrections(IdNumbers.parse(MAN_1949).orElseThrow()))
                .isEmpty();
    }

    @Test
    void showsOnlyTheMaskedNumberInToString() {
        IdNumber id = IdNumbers.parse(MAN_1949).orElseThrow();

        assertThat(id.toString()).doesNotContain(MAN_1949).contains("110109********" + MAN_1949.substring(14));
    }
}
