package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {

    @ParameterizedTest
    @CsvSource({
        "13812345678, 13812345678",
        "+86 138 1234 5678, 13812345678",
        "0086-138-1234-5678, 13812345678",
        "8613812345678, 13812345678",
        "'１３８１２３４５６７８', 13812345678",
        "(138) 1234-5678, 13812345678"
    })
    void normalisesMobileNumbers(String raw, String expected) {
        Phone phone = Phones.parse(raw).orElseThrow();

        assertThat(phone.value()).isEqualTo(expected);
        assertThat(phone.kind()).isEqualTo(Phone.Kind.MOBILE);
    }

    @ParameterizedTest
    @CsvSource({
        "010-69851234, 01069851234",
        "(010) 6985 1234, 01069851234",
        "+86 10 6985 1234, 01069851234",
        "69851234, 01069851234",
        "0311-86012345, 031186012345"
    })
    void normalisesLandlines(String raw, String expected) {
        Phone phone = Phones.parse(raw).orElseThrow();

        assertThat(phone.value()).isEqualTo(expected);
        assertThat(phone.kind()).isEqualTo(Phone.Kind.LANDLINE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12812345678", "1381234567", "138123456789", "unknown", "110", "00000000"})
    void rejectsWhatIsNoPhoneNumber(String raw) {
        assertThat(Phones.parse(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13812345678", "01069851234"})
    void masksAllButTheFirstThreeAndLastFourDigits(String raw) {
        Phone phone = Phones.parse(raw).orElseThrow();

        assertThat(phone.masked()).startsWith(raw.substring(0, 3)).endsWith(raw.substring(raw.length() - 4));
        assertThat(phone.toString()).doesNotContain(raw);
    }
}
