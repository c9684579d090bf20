package org.eldercare.search.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Recipient ids derived from the key of the record that first named the person ({@code rcp-} and 16 hex
 * characters), so replaying the same records gives the same ids.
 */
public final class RecipientIds {

    private RecipientIds() {}

    /** The id of a person first seen in the record with {@code recordKey} (operator id and record id). */
    public static String forFirstRecord(String recordKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(recordKey.getBytes(StandardCharsets.UTF_8));
            return "rcp-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
