package org.eldercare.api.system;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eldercare.security.*}: the bearer tokens the platform accepts and the key for hashing
 * personal identifiers at rest.
 *
 * @param tokens one grant per token; a token maps to one principal with one role
 * @param hmacKey the secret for keyed hashes of ID numbers and phones; must be changed in production
 * @param allowDemoCredentials true only in the local and test profiles; production refuses demo tokens
 */
@ConfigurationProperties("eldercare.security")
public record SecurityProperties(List<TokenGrant> tokens, String hmacKey, boolean allowDemoCredentials) {

    public static final String DEFAULT_HMAC_KEY = "eldercare-demo-hmac-key-change-me";

    public SecurityProperties {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        hmacKey = hmacKey == null ? DEFAULT_HMAC_KEY : hmacKey;
    }

    /** A token and the principal it stands for. */
    public record TokenGrant(String token, String name, Role role, String operatorId) {
        @Override
        public String toString() {
            return "TokenGrant[name=" + name + ", role=" + role + ", token redacted]";
        }
    }
}
