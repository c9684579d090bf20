package org.eldercare.search.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eldercare.search.register.CareLabel.AGE_80_PLUS;
import static org.eldercare.search.register.CareLabel.AGE_90_PLUS;
import static org.eldercare.search.register.CareLabel.DISABLED_MODERATE_OR_WORSE;
import static org.eldercare.search.register.CareLabel.EMPTY_NEST;
import static org.eldercare.search.register.CareLabel.LIVING_ALONE;
import static org.eldercare.search.register.CareLabel.MINIMUM_SUBSISTENCE;
import static org.eldercare.search.register.CareLabel.SPECIAL_HARDSHIP;

import java.util.List;
import org.junit.jupiter.api.Test;

class RiskTest {

    @Test
    void someoneAloneAndDisabledComesBeforeEveryoneWithoutBoth() {
        int aloneAndDisabled = Risk.score(List.of(LIVING_ALONE, EMPTY_NEST, DISABLED_MODERATE_OR_WORSE));
        int everythingElse = Risk.score(List.of(
                AGE_80_PLUS,
                AGE_90_PLUS,
                SPECIAL_HARDSHIP,
                MINIMUM_SUBSISTENCE,
                DISABLED_MODERATE_OR_WORSE,
                EMPTY_NEST));

        assertThat(aloneAndDisabled).isGreaterThan(everythingElse);
    }

    @Test
    void moreLabelsNeverLowerTheScore() {
        assertThat(Risk.score(List.of(AGE_80_PLUS, AGE_90_PLUS))).isGreaterThan(Risk.score(List.of(AGE_80_PLUS)));
        assertThat(Risk.score(List.of())).isZero();
    }
}
