package org.eldercare.api.system;

import org.eldercare.search.normalize.PiiKeyring;

/**
 * The platform's two PII secrets as the API resolved them (docs/CONTRACT.md §6.7): the HMAC key of the digests
 * ({@code eldercare.security.hmac-key}) and the keyring of sealed recipients ({@code eldercare.security.pii-keys}).
 * One setting each feeds the API and, in the local run, the streaming job. Outside the local and test profiles a
 * missing or demo value is refused, naming the setting.
 */
public record PiiSettings(String hmacKey, String keys, boolean demoAllowed) {

    public static final String KEYS_SETTING = "eldercare.security.pii-keys";

    /** Resolves and checks {@code keys} (blank: the demo keyring where demo credentials are allowed). */
    public static PiiSettings of(SecurityProperties security, String keys) {
        boolean demo = security.allowDemoCredentials();
        String ring = keys == null || keys.isBlank() ? (demo ? PiiKeyring.DEMO_KEYS : null) : keys.strip();
        if (ring == null) {
            throw new IllegalStateException(KEYS_SETTING + ": is not set; set ELDERCARE_SECURITY_PIIKEYS to"
                    + " kid:base64key with 32 random bytes (e.g. k1:$(openssl rand -base64 32))");
        }
        PiiKeyring parsed;
        try {
            parsed = PiiKeyring.parse(ring, KEYS_SETTING);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
        if (!demo && parsed.holdsDemoKey()) {
            throw new IllegalStateException(KEYS_SETTING + ": the demo key is not allowed outside the local profile;"
                    + " set ELDERCARE_SECURITY_PIIKEYS to kid:base64key with 32 random bytes");
        }
        // The HMAC key itself is checked where it is bound (SecurityProperties): set, not the demo key.
        return new PiiSettings(security.hmacKey(), ring, demo);
    }

    public PiiKeyring keyring() {
        return PiiKeyring.parse(keys, KEYS_SETTING);
    }

    @Override
    public String toString() {
        return "PiiSettings[keys redacted, demoAllowed=" + demoAllowed + "]";
    }
}
