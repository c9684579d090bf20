package org.eldercare.streaming.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eldercare.ingest.event.Recipient;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.PiiKeyring;
import org.eldercare.streaming.fixtures.TestPiiSecrets;
import org.junit.jupiter.api.Test;

/** docs/CONTRACT.md §6.7: where the job's keys come from, and which it refuses. */
class PiiSecretsTest {

    static final String KEYS = "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    @Test
    void readsBothKeysFromTheirFiles() {
        var tokeniser =
                TestPiiSecrets.inFiles("a-real-secret-of-enough-bytes", KEYS).tokeniser(name -> null);
        var sealed = tokeniser.seal(new Recipient("王秀英", null, "13812345678", null, null, null, null));

        assertThat(tokeniser.pii().hashPhone("13812345678"))
                .isEqualTo(Pii.withKey("a-real-secret-of-enough-bytes").hashPhone("13812345678"));
        assertThat(sealed.sealed()).startsWith("k1:");
        assertThat(tokeniser.open(sealed).phone()).isEqualTo("13812345678");
    }

    @Test
    void withoutFilesReadsTheTaskManagersEnvironment() {
        Map<String, String> env =
                Map.of(PiiSecrets.ENV_HMAC_KEY, "a-key-from-a-kubernetes-secret", PiiSecrets.ENV_KEYS, KEYS);

        var tokeniser = new PiiSecrets("", "", false).tokeniser(env::get);

        assertThat(tokeniser.pii().hashPhone("13812345678"))
                .isEqualTo(Pii.withKey("a-key-from-a-kubernetes-secret").hashPhone("13812345678"));
    }

    @Test
    void refusesTheDemoKeysAndAMissingKeyNamingTheSetting() {
        assertThatThrownBy(() -> TestPiiSecrets.inFiles(Pii.DEMO_KEY, KEYS).tokeniser(name -> null))
                .hasMessageStartingWith("pii.hmac-key-file /")
                .hasMessageContaining("is the public demo key")
                .hasMessageContaining("eldercare.security.hmac-key");
        assertThatThrownBy(() -> TestPiiSecrets.inFiles("a-real-secret-of-enough-bytes", PiiKeyring.DEMO_KEYS)
                        .tokeniser(name -> null))
                .hasMessageStartingWith("pii.keys-file /")
                .hasMessageContaining("holds the public demo key");
        assertThatThrownBy(() -> new PiiSecrets("", "", false).tokeniser(name -> null))
                .hasMessageStartingWith("pii.hmac-key-file (unset, so env ELDERCARE_JOB_PII_HMAC_KEY): is not set");
        assertThatThrownBy(() -> new PiiSecrets("", "", false)
                        .tokeniser(Map.of(PiiSecrets.ENV_HMAC_KEY, "a-real-secret-of-enough-bytes")::get))
                .hasMessageStartingWith("pii.keys-file (unset, so env ELDERCARE_JOB_PII_KEYS): is not set");
    }

    @Test
    void theLocalFlagAllowsTheDemoKeysAndUsesThemWhenNoneIsSet() {
        var tokeniser = new PiiSecrets("", "", true).tokeniser(name -> null);

        assertThat(tokeniser.pii().hashPhone("13812345678"))
                .isEqualTo(Pii.withKey(Pii.DEMO_KEY).hashPhone("13812345678"));
    }

    @Test
    void neverShowsAKey() {
        assertThat(TestPiiSecrets.inFiles("a-real-secret-of-enough-bytes", KEYS)
                        .tokeniser(name -> null)
                        .toString())
                .doesNotContain("a-real-secret")
                .doesNotContain("MDEyMzQ1");
    }
}
