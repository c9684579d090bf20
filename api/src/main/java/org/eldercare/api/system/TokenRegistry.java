package org.eldercare.api.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Resolves bearer tokens to callers. Grants come from {@code eldercare.security.tokens} (properties or the
 * environment) and {@code eldercare.security.tokens-file}; only the SHA-256 of each token is kept, and a presented
 * token is compared, by its digest, with every grant in constant time. Refuses to start when demo credentials are
 * configured outside the local and test profiles, so a demo token can never open a production deployment. No token
 * value is ever logged.
 */
@Component
public class TokenRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(TokenRegistry.class);

    /** The public demo tokens of docs/CONTRACT.md §1 (and {@code application-local.yml}). */
    static final Set<String> DEMO_TOKENS = Set.of(
            "demo-operator-1", "demo-operator-2", "demo-planner", "demo-hotline", "demo-admin", "demo-civil-affairs");

    private static final List<byte[]> DEMO_DIGESTS =
            DEMO_TOKENS.stream().map(TokenRegistry::sha256).toList();

    /**
     * A principal as the startup banner may show it.
     *
     * @param demoToken the token itself only when it is one of the public demo tokens and demo credentials are
     *     allowed (the local profile); null otherwise
     */
    public record Principal(String name, Role role, String operatorId, String demoToken) {}

    private record Entry(byte[] digest, Caller caller, String demoToken) {}

    private final List<Entry> entries;

    public TokenRegistry(SecurityProperties properties) {
        List<Entry> all = new ArrayList<>();
        List<SecurityProperties.TokenGrant> grants = properties.tokens();
        for (int i = 0; i < grants.size(); i++) {
            SecurityProperties.TokenGrant grant = grants.get(i);
            String where = "eldercare.security.tokens[" + i + "]";
            if (grant.token() == null || grant.token().isBlank()) {
                throw new IllegalStateException(where + ".token: is not set");
            }
            String demo =
                    properties.allowDemoCredentials() && DEMO_TOKENS.contains(grant.token()) ? grant.token() : null;
            all.add(entry(
                    where, sha256(grant.token()), grant.name(), grant.role(), grant.operatorId(), grant.scope(), demo));
        }
        if (properties.tokensFile() != null) {
            for (TokensFile.Line line : TokensFile.read(properties.tokensFile())) {
                String where = "eldercare.security.tokens-file: " + properties.tokensFile() + " line " + line.number();
                all.add(entry(where, line.digest(), line.name(), line.role(), line.operatorId(), line.scope(), null));
            }
        }
        refuseDemoCredentialsInProduction(all, properties.allowDemoCredentials());
        refuseSharedTokens(all);
        this.entries = List.copyOf(all);
        LOG.info(
                "eldercare.security: {} token(s) for {}{}",
                entries.size(),
                entries.stream()
                        .map(e -> e.caller().name() + "/" + e.caller().role())
                        .toList(),
                properties.tokensFile() == null ? "" : " (with " + properties.tokensFile() + ")");
    }

    private static Entry entry(
            String where, byte[] digest, String name, Role role, String operatorId, String scope, String demo) {
        if (name == null || name.isBlank()) {
            throw new IllegalStateException(where + ": name is not set");
        }
        if (role == null) {
            throw new IllegalStateException(where + ": role is not set (one of " + List.of(Role.values()) + ")");
        }
        if (role == Role.OPERATOR && (operatorId == null || operatorId.isBlank())) {
            throw new IllegalStateException(where + ": an OPERATOR needs an operator-id");
        }
        if (scope != null && role != Role.CIVIL_AFFAIRS) {
            throw new IllegalStateException(where + ".scope: only a CIVIL_AFFAIRS grant has a scope");
        }
        if (scope != null && !scope.matches("\\d{6}|\\d{9}")) {
            throw new IllegalStateException(where + ".scope: must be a 6-digit district or 9-digit street code");
        }
        return new Entry(digest, new Caller(name, role, operatorId, scope), demo);
    }

    private static void refuseDemoCredentialsInProduction(List<Entry> entries, boolean allowDemoCredentials) {
        if (allowDemoCredentials) {
            return;
        }
        for (Entry entry : entries) {
            if (DEMO_DIGESTS.stream().anyMatch(d -> MessageDigest.isEqual(d, entry.digest()))) {
                throw new IllegalStateException("eldercare.security.tokens: demo token for '"
                        + entry.caller().name()
                        + "' is not allowed outside the local profile; configure real tokens");
            }
        }
    }

    private static void refuseSharedTokens(List<Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (MessageDigest.isEqual(
                        entries.get(i).digest(), entries.get(j).digest())) {
                    throw new IllegalStateException("eldercare.security.tokens: '"
                            + entries.get(i).caller().name() + "' and '"
                            + entries.get(j).caller().name()
                            + "' share one token; every principal needs its own");
                }
            }
        }
    }

    public Optional<Caller> resolve(String token) {
        byte[] presented = sha256(token);
        Caller found = null;
        // Every grant is compared, each in constant time, so response timing tells nothing about the tokens.
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(presented, entry.digest())) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Who holds a token, for the startup banner; no token value except the public demo ones in the local profile. */
    public List<Principal> principals() {
        return entries.stream()
                .map(e -> new Principal(
                        e.caller().name(), e.caller().role(), e.caller().operatorId(), e.demoToken()))
                .toList();
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
