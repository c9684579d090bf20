package org.eldercare.search.normalize;

import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes and display masks for identity and phone numbers, so they can be matched exactly at rest without
 * being stored. The hash is HMAC-SHA256 under a secret key, truncated to 128 bits, with a domain label so an id
 * and a phone with the same digits never collide. Whoever lacks the key cannot test guesses against the hashes.
 */
public final class Pii implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The public demo key of the local run; production refuses it (docs/CONTRACT.md §6.4, §6.7). */
    public static final String DEMO_KEY = "eldercare-demo-hmac-key-change-me";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 16;

    private final SecretKeySpec key;

    private Pii(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** Hashing under {@code key}; it must have at least 16 bytes (UTF-8). */
    public static Pii withKey(String key) {
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pii key: must be at least " + MIN_KEY_BYTES + " bytes");
        }
        return new Pii(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of a normalised 18-character identity number. */
    public String hashIdNumber(String normalisedId) {
        return hash("id:", normalisedId);
    }

    /** The hash of a dwelling: a district code, {@code |}, and the dwelling as {@link Addresses#dwelling} writes it. */
    public String hashDwelling(String dwelling) {
        return hash("dwelling:", dwelling);
    }

    /** The hash of a normalised phone number. */
    public String hashPhone(String normalisedPhone) {
        return hash("phone:", normalisedPhone);
    }

    /**
     * Keyed digests of a birth date, so it can be compared at rest without being stored (docs/CONTRACT.md §6.2):
     * {@code d:} the whole date, and {@code ym:}, {@code yd:}, {@code md:} each pair of its fields, so two dates
     * that agree on exactly two fields share exactly one pair digest. The year alone is not secret and is shown
     * as {@code birthYear}; without the key nobody can test a guessed date against these.
     */
    public List<String> birthDigests(LocalDate date) {
        if (date == null) {
            return List.of();
        }
        String y = String.format("%04d", date.getYear());
        String m = String.format("%02d", date.getMonthValue());
        String d = String.format("%02d", date.getDayOfMonth());
        return List.of(
                "d:" + hash("birth:", y + "-" + m + "-" + d),
                "ym:" + hash("birth-ym:", y + "-" + m),
                "yd:" + hash("birth-yd:", y + "-" + d),
                "md:" + hash("birth-md:", m + "-" + d));
    }

    /** The whole-date digest of {@link #birthDigests(LocalDate)}, null for no date. */
    public String birthDateDigest(LocalDate date) {
        return date == null ? null : birthDigests(date).getFirst();
    }

    private String hash(String domain, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((domain + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            // Never chain the value: only the algorithm can be at fault here.
            throw new IllegalStateException(ALGORITHM + " unavailable", e);
        }
    }

    /** First 6 and last 4 characters: {@code 110109********1234}; shorter text is fully masked. */
    public static String maskIdNumber(String id) {
        return mask(id, 6, 4);
    }

    /** First 3 and last 4 digits: {@code 138****5678}; shorter text is fully masked. */
    public static String maskPhone(String phone) {
        return mask(phone, 3, 4);
    }

    private static String mask(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head)
                + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }

    @Override
    public String toString() {
        return "Pii[HmacSHA256, key redacted]";
    }
}
