package org.eldercare.api.system;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eldercare.security.*}: the bearer tokens the platform accepts and the key for hashing
 * personal identifiers at rest.
 *
 * @param tokens one grant per token; a token maps to one principal with one role
 * @param hmacKey the secret for keyed hashes of ID numbers and phones; must be set (not the demo key) in production
 * @param allowDemoCredentials true only in the local and test profiles; production refuses demo tokens
 * @param tokensFile more grants, one per line (docs/CONTRACT.md §6.4, {@link TokensFile}); none when unset
 */
@ConfigurationProperties("eldercare.security")
public record SecurityProperties(
        List<TokenGrant> tokens, String hmacKey, boolean allowDemoCredentials, Path tokensFile) {

    public static final String DEFAULT_HMAC_KEY = "eldercare-demo-hmac-key-change-me";
    static final int MIN_HMAC_KEY_CHARS = 32;

    public SecurityProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        // Only the demo profiles fall back to the demo key; production must set a real one.
        hmacKey = hmacKey == null && allowDemoCredentials ? DEFAULT_HMAC_KEY : hmacKey;
        if (!allowDemoCredentials) {
            requireProductionKey(hmacKey);
        }
    }

    /**
     * Checked while the properties are bound, so the refusal names the setting whichever bean asks for them first.
     */
    static void requireProductionKey(String hmacKey) {
        String fix = "; set ELDERCARE_SECURITY_HMACKEY to a secret of at least " + MIN_HMAC_KEY_CHARS
                + " random characters (docs/CONTRACT.md §6.4)";
        if (hmacKey == null || hmacKey.isBlank()) {
            throw new IllegalStateException("eldercare.security.hmac-key: is not set" + fix);
        }
        if (DEFAULT_HMAC_KEY.equals(hmacKey)) {
            throw new IllegalStateException(
                    "eldercare.security.hmac-key: the default key is not allowed outside the local profile" + fix);
        }
        if (hmacKey.length() < MIN_HMAC_KEY_CHARS) {
            throw new IllegalStateException("eldercare.security.hmac-key: is too short" + fix);
        }
    }

    /**
     * A token and the principal it stands for.
     *
     * @param operatorId the operator, for an OPERATOR only
     * @param scope for a CIVIL_AFFAIRS office only: the 6-digit district or 9-digit street whose people it issues
     *     family codes for (docs/CONTRACT.md §10.4); none for a city-wide office
     */
    public record TokenGrant(String token, String name, Role role, String operatorId, String scope) {
        @Override
        public String toString() {
            return "TokenGrant[name=" + name + ", role=" + role + ", token redacted]";
        }
    }
}
