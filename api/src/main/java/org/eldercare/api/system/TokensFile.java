package org.eldercare.api.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * {@code eldercare.security.tokens-file}: one grant per line, fields separated by spaces or tabs, {@code #} starts a
 * comment line, blank lines are skipped (docs/CONTRACT.md §6.4):
 *
 * <pre>
 * # token or sha256:&lt;hex digest&gt;   name         role      operator-id (OPERATOR) or scope (CIVIL_AFFAIRS)
 * sha256:&lt;64 hex digits&gt;            planner      PLANNER
 * &lt;a random token&gt;                    operator-1   OPERATOR  op-1
 * &lt;a random token&gt;                    prometheus   MONITOR
 * &lt;a random token&gt;                    dayu-office  CIVIL_AFFAIRS  110109001
 * </pre>
 *
 * <p>The first field is either the token itself or {@code sha256:} and the 64 hex digits of the SHA-256 of its UTF-8
 * bytes ({@code printf %s "$TOKEN" | sha256sum}), so the file need not hold a usable token at all. Errors name the
 * file and line, never the token.
 */
final class TokensFile {

    static final String SHA256_PREFIX = "sha256:";

    /** One line of the file: the token's SHA-256 and the principal it stands for. */
    record Line(int number, byte[] digest, String name, Role role, String operatorId, String scope) {}

    private TokensFile() {}

    static List<Line> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "eldercare.security.tokens-file: cannot read " + file + " ("
                            + e.getClass().getSimpleName() + ")",
                    e);
        }
        List<Line> grants = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            grants.add(parse(file, i + 1, text));
        }
        return grants;
    }

    private static Line parse(Path file, int number, String text) {
        String where = "eldercare.security.tokens-file: " + file + " line " + number + ": ";
        String[] fields = text.split("\\s+");
        if (fields.length < 3 || fields.length > 4) {
            throw new IllegalStateException(
                    where + "must be '<token or sha256:digest> <name> <role> [operator-id or scope]'");
        }
        Role role;
        try {
            role = Role.valueOf(fields[2].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + "role must be one of " + List.of(Role.values()));
        }
        String fourth = fields.length == 4 ? fields[3] : null;
        // The fourth field is an OPERATOR's operator id, or a CIVIL_AFFAIRS office's scope (docs/CONTRACT.md §10.4).
        return role == Role.CIVIL_AFFAIRS
                ? new Line(number, digestOf(where, fields[0]), fields[1], role, null, fourth)
                : new Line(number, digestOf(where, fields[0]), fields[1], role, fourth, null);
    }

    private static byte[] digestOf(String where, String field) {
        if (!field.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())) {
            return TokenRegistry.sha256(field);
        }
        String hex = field.substring(SHA256_PREFIX.length());
        if (!hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalStateException(where + "a sha256: digest must be 64 hex digits");
        }
        return HexFormat.of().parseHex(hex);
    }
}
