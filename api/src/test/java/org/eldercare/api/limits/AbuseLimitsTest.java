package org.eldercare.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AbuseLimitsTest {

    @Test
    void defaultsAreTheFiguresOfTheContract() {
        AbuseLimits limits = AbuseLimits.defaults();

        assertThat(limits.intake()).isEqualTo(new AbuseLimits.Group(50.0, 100, 4));
        assertThat(limits.imports()).isEqualTo(new AbuseLimits.Group(1.0, 2, 1));
        assertThat(limits.match()).isEqualTo(new AbuseLimits.Group(20.0, 40, 4));
        assertThat(limits.matchBodySize().toBytes()).isEqualTo(16 * 1024);
        assertThat(limits.maxTrackedPrincipals()).isEqualTo(10_000);
    }

    @Test
    void fillsAPartlyConfiguredGroupFromItsDefaults() {
        AbuseLimits limits = new AbuseLimits(new AbuseLimits.Group(null, null, 8), null, null, null, null, null, null);

        assertThat(limits.intake()).isEqualTo(new AbuseLimits.Group(50.0, 100, 8));
    }

    @Test
    void refusesAZeroRate() {
        assertThatThrownBy(() -> new AbuseLimits(null, null, new AbuseLimits.Group(0.0, 1, 1), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requests-per-second");
    }
}
