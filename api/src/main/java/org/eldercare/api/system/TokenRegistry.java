package org.eldercare.api.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Resolves bearer tokens to callers. Refuses to start when demo credentials are configured outside
 * the local and test profiles, so a demo token can never open a production deployment.
 */
@Component
public class TokenRegistry {

    static final Set<String> DEMO_TOKENS = Set.of(
            "demo-operator-1", "demo-operator-2", "demo-planner", "demo-hotline", "demo-admin", "demo-civil-affairs");

    private final SecurityProperties properties;

    public TokenRegistry(SecurityProperties properties) {
        this.properties = properties;
        refuseDemoCredentialsInProduction(properties);
    }

    static void refuseDemoCredentialsInProduction(SecurityProperties properties) {
        if (properties.allowDemoCredentials()) {
            return;
        }
        for (SecurityProperties.TokenGrant grant : properties.tokens()) {
            if (DEMO_TOKENS.contains(grant.token())) {
                throw new IllegalStateException("eldercare.security.tokens: demo token for '" + grant.name()
                        + "' is not allowed outside the local profile; configure real tokens");
            }
        }
        if (SecurityProperties.DEFAULT_HMAC_KEY.equals(properties.hmacKey())) {
            throw new IllegalStateException(
                    "eldercare.security.hmac-key: the default key is not allowed outside the local profile;"
                            + " set ELDERCARE_SECURITY_HMACKEY to a secret of at least 32 characters");
        }
    }

    public Optional<Caller> resolve(String token) {
        byte[] presented = token.getBytes(StandardCharsets.UTF_8);
        for (SecurityProperties.TokenGrant grant : properties.tokens()) {
            // Constant-time comparison, so response timing does not leak how much of a token matched.
            if (MessageDigest.isEqual(presented, grant.token().getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(new Caller(grant.name(), grant.role(), grant.operatorId()));
            }
        }
        return Optional.empty();
    }
}
