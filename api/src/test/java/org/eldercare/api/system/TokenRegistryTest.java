package org.eldercare.api.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenRegistryTest {

    static final String KEY = "a-real-secret-of-enough-length-123";

    @TempDir
    Path dir;

    static SecurityProperties.TokenGrant grant(String token, Role role) {
        return new SecurityProperties.TokenGrant(token, token, role, role == Role.OPERATOR ? "op-9" : null, null);
    }

    static SecurityProperties production(List<SecurityProperties.TokenGrant> tokens, Path file) {
        return new SecurityProperties(tokens, KEY, false, file);
    }

    static String sha256Hex(String token) {
        return HexFormat.of().formatHex(TokenRegistry.sha256(token));
    }

    @Test
    void refusesToStartInProductionWithADemoToken() {
        var props = production(List.of(grant("demo-planner", Role.PLANNER)), null);

        assertThatThrownBy(() -> new TokenRegistry(props))
                .hasMessageContaining("eldercare.security.tokens")
                .hasMessageContaining("demo token");
    }

    @Test
    void refusesToStartInProductionWithoutAnHmacKeyNamingTheSetting() {
        assertThatThrownBy(
                        () -> new SecurityProperties(List.of(grant("s3cr3t-token", Role.PLANNER)), null, false, null))
                .hasMessageContaining("eldercare.security.hmac-key: is not set")
                .hasMessageContaining("ELDERCARE_SECURITY_HMACKEY");
        assertThatThrownBy(() -> new SecurityProperties(List.of(), "  ", false, null))
                .hasMessageContaining("eldercare.security.hmac-key: is not set");
    }

    @Test
    void refusesToStartInProductionWithTheDemoOrAShortHmacKey() {
        assertThatThrownBy(() -> new SecurityProperties(List.of(), SecurityProperties.DEFAULT_HMAC_KEY, false, null))
                .hasMessageContaining("eldercare.security.hmac-key: the default key");
        assertThatThrownBy(() -> new SecurityProperties(List.of(), "short-key", false, null))
                .hasMessageContaining("eldercare.security.hmac-key: is too short");
    }

    @Test
    void theDemoProfilesFallBackToTheDemoKey() {
        assertThat(new SecurityProperties(List.of(), null, true, null).hmacKey())
                .isEqualTo(SecurityProperties.DEFAULT_HMAC_KEY);
    }

    @Test
    void resolvesAKnownTokenToItsCallerAndNothingElse() {
        var registry = new TokenRegistry(production(List.of(grant("s3cr3t-token", Role.OPERATOR)), null));

        assertThat(registry.resolve("s3cr3t-token"))
                .get()
                .extracting(Caller::operatorId)
                .isEqualTo("op-9");
        assertThat(registry.resolve("s3cr3t-tokeN")).isEmpty();
        assertThat(registry.resolve("")).isEmpty();
    }

    @Test
    void keepsOnlyDigestsOfTheTokens() throws Exception {
        String token = "plain-token-that-must-not-stay-in-memory";
        var registry = new TokenRegistry(production(
                List.of(new SecurityProperties.TokenGrant(token, "planner", Role.PLANNER, null, null)), null));

        assertThat(reachableStrings(registry)).noneMatch(s -> s.contains(token));
        assertThat(registry.principals())
                .singleElement()
                .satisfies(p -> assertThat(p.demoToken()).isNull());
    }

    @Test
    void readsGrantsFromATokensFileAsTokensOrTheirSha256() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(
                file,
                """
                # token or sha256:<hex>   name        role      operator-id
                sha256:%s     planner     PLANNER

                file-operator-token-0123456789   operator-7  operator  op-7
                sha256:%s     scraper     MONITOR
                """.formatted(sha256Hex("file-planner-token-0123456789"), sha256Hex("file-monitor-token-0123")),
                StandardCharsets.UTF_8);

        var registry = new TokenRegistry(production(List.of(grant("property-token-0123456789", Role.HOTLINE)), file));

        assertThat(registry.resolve("file-planner-token-0123456789"))
                .contains(new Caller("planner", Role.PLANNER, null, null));
        assertThat(registry.resolve("file-operator-token-0123456789"))
                .contains(new Caller("operator-7", Role.OPERATOR, "op-7"));
        assertThat(registry.resolve("file-monitor-token-0123")).contains(new Caller("scraper", Role.MONITOR, null));
        assertThat(registry.resolve("property-token-0123456789")).isPresent();
        assertThat(registry.resolve("sha256:" + sha256Hex("file-planner-token-0123456789")))
                .as("the digest itself is no token")
                .isEmpty();
    }

    @Test
    void givesAStreetOfficeItsScopeFromThePropertiesOrTheFileAndNoOtherRoleOne() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "file-office-token-0123456789  dayu-office  CIVIL_AFFAIRS  110109001\n");
        var office = new SecurityProperties.TokenGrant(
                "property-office-token-0123456789", "mentougou", Role.CIVIL_AFFAIRS, null, "110109");

        var registry = new TokenRegistry(production(List.of(office), file));

        assertThat(registry.resolve("file-office-token-0123456789"))
                .contains(new Caller("dayu-office", Role.CIVIL_AFFAIRS, null, "110109001"));
        Caller district = registry.resolve("property-office-token-0123456789").orElseThrow();
        assertThat(district.covers("110109", "110109006")).isTrue();
        assertThat(district.covers("110108", "110108001")).isFalse();
        assertThatThrownBy(() -> new TokenRegistry(production(
                        List.of(new SecurityProperties.TokenGrant(
                                "planner-token-0123456789", "planner", Role.PLANNER, null, "110109")),
                        null)))
                .hasMessage("eldercare.security.tokens[0].scope: only a CIVIL_AFFAIRS grant has a scope");
        assertThatThrownBy(() -> new TokenRegistry(production(
                        List.of(new SecurityProperties.TokenGrant(
                                "office-token-0123456789", "office", Role.CIVIL_AFFAIRS, null, "11010")),
                        null)))
                .hasMessageContaining("scope: must be a 6-digit district or 9-digit street code");
    }

    @Test
    void refusesADemoTokenInTheFileEvenAsItsDigest() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "sha256:" + sha256Hex("demo-admin") + " admin ADMIN\n");

        assertThatThrownBy(() -> new TokenRegistry(production(List.of(), file)))
                .hasMessageContaining("eldercare.security.tokens: demo token for 'admin'");
    }

    @Test
    void namesTheFileAndLineOfABadGrantWithoutQuotingTheToken() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "# grants\nsecret-value-in-line-two planner SUPERUSER\n");

        assertThatThrownBy(() -> new TokenRegistry(production(List.of(), file)))
                .hasMessageContaining("eldercare.security.tokens-file: " + file + " line 2: role must be one of")
                .hasMessageNotContaining("secret-value-in-line-two");
        Files.writeString(file, "operator-token-without-id operator OPERATOR\n");
        assertThatThrownBy(() -> new TokenRegistry(production(List.of(), file)))
                .hasMessageContaining("line 1: an OPERATOR needs an operator-id");
        assertThatThrownBy(() -> new TokenRegistry(production(List.of(), dir.resolve("missing"))))
                .hasMessageContaining("eldercare.security.tokens-file: cannot read");
    }

    @Test
    void refusesTwoPrincipalsSharingOneToken() throws Exception {
        Path file = dir.resolve("tokens");
        Files.writeString(file, "shared-token-0123456789 hotline HOTLINE\n");

        var planner = new SecurityProperties.TokenGrant("shared-token-0123456789", "planner", Role.PLANNER, null, null);

        assertThatThrownBy(() -> new TokenRegistry(production(List.of(planner), file)))
                .hasMessageContaining("'planner' and 'hotline' share one token")
                .hasMessageNotContaining("shared-token-0123456789");
    }

    @Test
    void showsAPublicDemoTokenOnlyInTheDemoProfiles() {
        var local = new TokenRegistry(new SecurityProperties(
                List.of(grant("demo-planner", Role.PLANNER), grant("my-own-local-token", Role.HOTLINE)),
                null,
                true,
                null));

        assertThat(local.principals())
                .extracting(TokenRegistry.Principal::demoToken)
                .containsExactly("demo-planner", null);
    }

    /** Every String held by the registry's fields, one level into collections and records. */
    private static List<String> reachableStrings(Object root) throws IllegalAccessException {
        List<String> found = new java.util.ArrayList<>();
        collect(root, found, 0);
        return found;
    }

    private static void collect(Object value, List<String> found, int depth) throws IllegalAccessException {
        if (value == null || depth > 4) {
            return;
        }
        if (value instanceof String s) {
            found.add(s);
        } else if (value instanceof byte[] bytes) {
            found.add(new String(bytes, StandardCharsets.UTF_8));
        } else if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                collect(item, found, depth + 1);
            }
        } else if (value.getClass().getName().startsWith("org.eldercare")) {
            for (Field field : value.getClass().getDeclaredFields()) {
                if (!java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    collect(field.get(value), found, depth + 1);
                }
            }
        }
    }
}
