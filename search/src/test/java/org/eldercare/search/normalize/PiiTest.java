package org.eldercare.search.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PiiTest {

    private final Pii pii = Pii.withKey("a-test-key-of-enough-bytes");

    @Test
    void hashesTheSameValueTheSameWayUnderOneKey() {
        assertThat(pii.hashPhone("13812345678"))
                .isEqualTo(pii.hashPhone("13812345678"))
                .hasSize(32);
    }

    @Test
    void hashesDifferentlyUnderAnotherKeyAndInAnotherDomain() {
        Pii other = Pii.withKey("another-key-of-enough-bytes");

        assertThat(other.hashPhone("13812345678")).isNotEqualTo(pii.hashPhone("13812345678"));
        assertThat(pii.hashIdNumber("13812345678")).isNotEqualTo(pii.hashPhone("13812345678"));
    }

    @Test
    void masksIdNumbersAndPhonesLikeTheContract() {
        assertThat(Pii.maskIdNumber("110109194910011234")).isEqualTo("110109********1234");
        assertThat(Pii.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(Pii.maskPhone("123")).isEqualTo("***");
    }

    @Test
    void refusesAShortKeyWithoutEchoingIt() {
        assertThatThrownBy(() -> Pii.withKey("short-secret"))
                .hasMessage("pii key: must be at least 16 bytes")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void neverShowsItsKey() {
        assertThat(pii.toString()).doesNotContain("a-test-key");
    }
}
