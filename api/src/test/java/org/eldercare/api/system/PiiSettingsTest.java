package org.eldercare.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.PiiKeyring;
import org.junit.jupiter.api.Test;

/** docs/CONTRACT.md §6.7: production refuses a missing or demo PII key, naming the setting. */
class PiiSettingsTest {

    static final String REAL_HMAC = "a-production-secret-of-32-bytes!!";
    static final String REAL_KEYS = "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    static SecurityProperties production(String hmacKey) {
        return new SecurityProperties(List.of(), hmacKey, false, null);
    }

    @Test
    void productionRefusesAMissingOrDemoKeyring() {
        assertThatThrownBy(() -> PiiSettings.of(production(REAL_HMAC), ""))
                .hasMessageStartingWith("eldercare.security.pii-keys: is not set")
                .hasMessageContaining("ELDERCARE_SECURITY_PIIKEYS");
        assertThatThrownBy(() -> PiiSettings.of(production(REAL_HMAC), PiiKeyring.DEMO_KEYS))
                .hasMessageStartingWith("eldercare.security.pii-keys: the demo key is not allowed");
        assertThatThrownBy(() -> PiiSettings.of(production(REAL_HMAC), "k1:short"))
                .hasMessageStartingWith("eldercare.security.pii-keys: key k1");
    }

    @Test
    void productionRefusesTheDemoOrAMissingHmacKey() {
        assertThatThrownBy(() -> PiiSettings.of(production(Pii.DEMO_KEY), REAL_KEYS))
                .hasMessageStartingWith("eldercare.security.hmac-key: the default key is not allowed");
        assertThatThrownBy(() -> PiiSettings.of(production(null), REAL_KEYS))
                .hasMessageStartingWith("eldercare.security.hmac-key: is not set");
        assertThat(SecurityProperties.DEFAULT_HMAC_KEY).isEqualTo(Pii.DEMO_KEY);
    }

    @Test
    void theLocalProfileFallsBackToTheDemoKeyring() {
        PiiSettings local = PiiSettings.of(new SecurityProperties(List.of(), Pii.DEMO_KEY, true, null), null);

        assertThat(local.keys()).isEqualTo(PiiKeyring.DEMO_KEYS);
        assertThat(local.demoAllowed()).isTrue();
        assertThat(PiiSettings.of(production(REAL_HMAC), REAL_KEYS).toString())
                .doesNotContain("MDEy")
                .doesNotContain(REAL_HMAC);
    }
}
