package org.eldercare.search.normalize;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The PII keys of the sealed form (docs/CONTRACT.md §6.7): AES-GCM keys by key id, the first of which seals and
 * all of which open, so keys can rotate. Written {@code kid:base64key[,kid:base64key…]}. A sealed value is
 * {@code <kid>:<base64url(12-byte nonce ‖ ciphertext and 128-bit tag)>}. Not serializable on purpose: a keyring is
 * built where it is used (a task's {@code open()}, the API's context) and never travels in a job graph.
 */
public final class PiiKeyring {

    /** The public demo keyring of the local run; production refuses it. */
    public static final String DEMO_KEYS = "demo:"
            + Base64.getEncoder().encodeToString("eldercare-demo-pii-key-change-me".getBytes(StandardCharsets.UTF_8));

    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String activeKid;
    private final Map<String, SecretKeySpec> keys;

    private PiiKeyring(String activeKid, Map<String, SecretKeySpec> keys) {
        this.activeKid = activeKid;
        this.keys = keys;
    }

    /**
     * Reads {@code kid:base64key[,…]}; {@code setting} names where it came from, for errors that never quote a
     * key.
     */
    public static PiiKeyring parse(String spec, String setting) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(setting + ": is not set; it must hold kid:base64key[,kid:base64key…]");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String entry : spec.strip().split("\\s*,\\s*")) {
            int colon = entry.indexOf(':');
            String kid = colon < 0 ? "" : entry.substring(0, colon);
            if (!KID.matcher(kid).matches()) {
                throw new IllegalArgumentException(
                        setting + ": each key must be kid:base64key, the kid 1 to 32 of A-Z, a-z, 0-9, _ and -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(setting + ": key " + kid + " is not base64");
            }
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new IllegalArgumentException(setting + ": key " + kid + " must be 16, 24 or 32 bytes");
            }
            if (keys.put(kid, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException(setting + ": key id " + kid + " appears twice");
            }
        }
        return new PiiKeyring(keys.keySet().iterator().next(), keys);
    }

    /** The key id new values are sealed under. */
    public String activeKid() {
        return activeKid;
    }

    /** True when any key of this ring is a key of the public {@link #DEMO_KEYS}. */
    public boolean holdsDemoKey() {
        PiiKeyring demo = parse(DEMO_KEYS, "demo");
        for (SecretKeySpec key : keys.values()) {
            for (SecretKeySpec d : demo.keys.values()) {
                if (MessageDigest.isEqual(key.getEncoded(), d.getEncoded())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code plaintext} sealed under the active key, bound to {@code context} (associated data). */
    public String seal(byte[] plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKid), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
            return activeKid + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(CIPHER + " unavailable", e);
        }
    }

    /**
     * The plaintext of a value {@link #seal sealed} under any key of this ring with the same {@code context}.
     *
     * @throws SealedValueException when the key id is unknown or the value was not sealed so (tampered, cut, or
     *     another context)
     */
    public byte[] open(String sealed, String context) {
        int colon = sealed == null ? -1 : sealed.indexOf(':');
        SecretKeySpec key = colon < 0 ? null : keys.get(sealed.substring(0, colon));
        if (key == null) {
            throw new SealedValueException("sealed value: unknown key id");
        }
        byte[] in;
        try {
            in = Base64.getUrlDecoder().decode(sealed.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new SealedValueException("sealed value: not base64url");
        }
        if (in.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("sealed value: too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new SealedValueException("sealed value: does not open under key " + sealed.substring(0, colon));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(CIPHER + " unavailable", e);
        }
    }

    /** A sealed value this keyring cannot open. The message never quotes the value. */
    public static final class SealedValueException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SealedValueException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "PiiKeyring[active=" + activeKid + ", kids=" + keys.keySet() + ", keys redacted]";
    }
}
