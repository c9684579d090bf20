package org.eldercare.streaming.pii;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.eldercare.search.normalize.Pii;
import org.eldercare.search.normalize.PiiKeyring;
import org.eldercare.search.normalize.RecipientTokeniser;

/**
 * Where the job's two PII secrets come from (docs/CONTRACT.md §6.7): the HMAC key of the digests and the keyring of
 * the sealed recipients. This object holds only where to look — file paths and the demo flag — so it may travel in
 * the job graph; the keys are read where they are used, by {@link #tokeniser()} in an operator's {@code open()}.
 *
 * <p>Each secret is read from its file when one is named, else from the task manager's environment ({@link
 * #ENV_HMAC_KEY}, {@link #ENV_KEYS}). The public demo keys, and a missing key, are refused unless {@code
 * allowDemoKey} is set, which only the local launcher does; with it, a missing key is the demo key.
 *
 * @param hmacKeyFile {@code pii.hmac-key-file}, empty for the environment
 * @param keysFile {@code pii.keys-file}, empty for the environment
 * @param allowDemoKey {@code pii.allow-demo-key}
 */
public record PiiSecrets(String hmacKeyFile, String keysFile, boolean allowDemoKey) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The task managers' environment variable of the HMAC key, used when no file is named. */
    public static final String ENV_HMAC_KEY = "ELDERCARE_JOB_PII_HMAC_KEY";

    /** The task managers' environment variable of the keyring, used when no file is named. */
    public static final String ENV_KEYS = "ELDERCARE_JOB_PII_KEYS";

    public PiiSecrets {
        hmacKeyFile = hmacKeyFile == null ? "" : hmacKeyFile;
        keysFile = keysFile == null ? "" : keysFile;
    }

    /** The tokeniser under the configured keys, from this process's environment. */
    public RecipientTokeniser tokeniser() {
        return tokeniser(System::getenv);
    }

    /**
     * The tokeniser under the configured keys.
     *
     * @throws IllegalStateException naming the setting, when a key is missing, unreadable, malformed or the demo
     *     key without {@code pii.allow-demo-key}
     */
    public RecipientTokeniser tokeniser(Function<String, String> environment) {
        String hmacSetting = setting("pii.hmac-key-file", hmacKeyFile, ENV_HMAC_KEY);
        String hmacKey = read(hmacKeyFile, ENV_HMAC_KEY, environment, hmacSetting, Pii.DEMO_KEY);
        if (Pii.DEMO_KEY.equals(hmacKey) && !allowDemoKey) {
            throw new IllegalStateException(hmacSetting + ": is the public demo key " + Pii.DEMO_KEY
                    + "; configure the API's eldercare.security.hmac-key (pii.allow-demo-key=true is for the local"
                    + " run only)");
        }
        Pii pii;
        try {
            pii = Pii.withKey(hmacKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(hmacSetting + ": " + e.getMessage());
        }
        String keysSetting = setting("pii.keys-file", keysFile, ENV_KEYS);
        PiiKeyring keys;
        try {
            keys = PiiKeyring.parse(
                    read(keysFile, ENV_KEYS, environment, keysSetting, PiiKeyring.DEMO_KEYS), keysSetting);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
        if (keys.holdsDemoKey() && !allowDemoKey) {
            throw new IllegalStateException(keysSetting + ": holds the public demo key; configure the API's"
                    + " eldercare.security.pii-keys (pii.allow-demo-key=true is for the local run only)");
        }
        return new RecipientTokeniser(pii, keys);
    }

    private static String setting(String option, String file, String env) {
        return file.isEmpty() ? option + " (unset, so env " + env + ")" : option + " " + file;
    }

    private String read(String file, String env, Function<String, String> environment, String setting, String demo) {
        String value;
        if (!file.isEmpty()) {
            try {
                value = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException(
                        setting + ": cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        } else {
            value = environment.apply(env);
            value = value == null ? null : value.strip();
        }
        if (value == null || value.isEmpty()) {
            if (allowDemoKey) {
                return demo;
            }
            throw new IllegalStateException(setting + ": is not set; the job has no default key outside the local"
                    + " run (docs/CONTRACT.md §6.7)");
        }
        return value;
    }

    @Override
    public String toString() {
        return "PiiSecrets[hmacKeyFile=" + hmacKeyFile + ", keysFile=" + keysFile + ", allowDemoKey=" + allowDemoKey
                + "]";
    }
}
