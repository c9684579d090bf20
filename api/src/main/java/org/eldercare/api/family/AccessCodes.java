package org.eldercare.api.family;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Family access codes (docs/CONTRACT.md §10.4): 12 characters of Crockford's base 32 (60 random bits), shown as
 * {@code 7KQ2-M9XD-4TRW}, kept only as a keyed digest and a mask of the last two characters. The alphabet leaves out
 * {@code I L O U}, so a code read aloud or copied by hand is not mistyped into another.
 */
final class AccessCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 12;
    /** Keeps these digests apart from every other HMAC the platform's key makes (ID numbers, phones, dates). */
    private static final String DOMAIN = "family-code|";

    private final SecretKeySpec key;
    private final SecureRandom random;

    AccessCodes(String hmacKey, SecureRandom random) {
        this.key = new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.random = random;
    }

    /** A fresh code, normalised (12 characters, no hyphens). */
    String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A fresh code id: {@code fc-} and 16 hex digits, random, unrelated to the code. */
    String nextId() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return "fc-" + HexFormat.of().formatHex(bytes);
    }

    /** The code as typed, without case, spaces or hyphens; empty when it cannot be a code. */
    static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    /** {@code 7KQ2-M9XD-4TRW}. */
    static String grouped(String code) {
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
    }

    /** {@code ****-****-**RW}: enough for an office to tell a relative's codes apart, nothing to guess with. */
    static String masked(String code) {
        return "****-****-**" + code.substring(LENGTH - 2);
    }

    /** HMAC-SHA256 of {@code family-code|<code>}, 64 hex digits: the document id of the code. */
    String digest(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((DOMAIN + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
