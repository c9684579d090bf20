package org.eldercare.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenRegistryTest {

    static SecurityProperties.TokenGrant grant(String token, Role role) {
        return new SecurityProperties.TokenGrant(token, token, role, role == Role.OPERATOR ? "op-9" : null);
    }

    @Test
    void refusesToStartInProductionWithADemoToken() {
        var props = new SecurityProperties(
                List.of(grant("demo-planner", Role.PLANNER)), "a-real-secret-of-enough-length-123", false);

        assertThatThrownBy(() -> new TokenRegistry(props))
                .hasMessageContaining("eldercare.security.tokens")
                .hasMessageContaining("demo token");
    }

    @Test
    void refusesToStartInProductionWithTheDefaultHmacKey() {
        var props = new SecurityProperties(List.of(grant("s3cr3t-token", Role.PLANNER)), null, false);

        assertThatThrownBy(() -> new TokenRegistry(props)).hasMessageContaining("eldercare.security.hmac-key");
    }

    @Test
    void resolvesAKnownTokenToItsCallerAndNothingElse() {
        var registry = new TokenRegistry(new SecurityProperties(
                List.of(grant("s3cr3t-token", Role.OPERATOR)), "a-real-secret-of-enough-length-123", false));

        assertThat(registry.resolve("s3cr3t-token"))
                .get()
                .extracting(Caller::operatorId)
                .isEqualTo("op-9");
        assertThat(registry.resolve("s3cr3t-tokeN")).isEmpty();
    }
}
