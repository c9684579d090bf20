package org.eldercare.ingest.kafka;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.eldercare.ingest.config.Setting;
import org.eldercare.ingest.config.Settings;

/**
 * How a Kafka client of the platform authenticates and encrypts (docs/CONTRACT.md §6.6): one holder for the API's
 * producers and admin and for the job's sources and sinks, so every client takes the same settings.
 *
 * <p>{@code protocol} is {@code PLAINTEXT} (default), {@code SASL_PLAINTEXT}, {@code SASL_SSL} or {@code SSL};
 * SASL uses SCRAM ({@code SCRAM-SHA-512} default, or {@code -256}) with {@code username} and {@code password};
 * SSL may name a trust store. A combination that cannot work is refused at construction with a message naming the
 * setting (under the caller's {@code prefix}, e.g. {@code eldercare.kafka.security.} or {@code
 * --kafka.security.}) and the rule. Passwords appear in {@link #clientProperties()} only, never in {@link
 * #toString()} or an error.
 */
public record KafkaClientSecurity(
        String prefix,
        Protocol protocol,
        String saslMechanism,
        String username,
        String password,
        String truststoreLocation,
        String truststorePassword,
        String truststoreType)
        implements Serializable {

    /** Kafka's {@code security.protocol} values the platform supports. */
    public enum Protocol {
        PLAINTEXT,
        SASL_PLAINTEXT,
        SASL_SSL,
        SSL;

        boolean sasl() {
            return this == SASL_PLAINTEXT || this == SASL_SSL;
        }

        boolean tls() {
            return this == SSL || this == SASL_SSL;
        }
    }

    /** The setting names after the prefix, in the order of the contract's table. */
    public static final List<String> NAMES = List.of(
            "protocol",
            "sasl-mechanism",
            "username",
            "password",
            "password-file",
            "truststore-location",
            "truststore-password",
            "truststore-type");

    /** Defaults of the names that have one; the rest default to unset. */
    public static final Map<String, String> DEFAULTS =
            Map.of("protocol", "PLAINTEXT", "sasl-mechanism", "SCRAM-SHA-512", "truststore-type", "PKCS12");

    /** The API's settings, {@code eldercare.kafka.security.*} (Spring properties, docs/CONTRACT.md §6.6). */
    public static final Keys API = Keys.under("eldercare.kafka.security.");

    /** The streaming job's settings, {@code --kafka.security.*} (or {@code ELDERCARE_JOB_KAFKA_SECURITY_*}). */
    public static final Keys JOB = Keys.under("kafka.security.");

    private static final List<String> MECHANISMS = List.of("SCRAM-SHA-512", "SCRAM-SHA-256");
    private static final List<String> STORE_TYPES = List.of("PKCS12", "JKS", "PEM");

    public KafkaClientSecurity {
        prefix = prefix == null ? "" : prefix;
        protocol = protocol == null ? Protocol.PLAINTEXT : protocol;
        saslMechanism = orDefault(saslMechanism, "sasl-mechanism");
        truststoreType = orDefault(truststoreType, "truststore-type");
        username = blankToNull(username);
        password = blankToNull(password);
        truststoreLocation = blankToNull(truststoreLocation);
        truststorePassword = blankToNull(truststorePassword);
        if (!MECHANISMS.contains(saslMechanism)) {
            throw refused(prefix, "sasl-mechanism", "must be one of " + MECHANISMS + ", was " + saslMechanism);
        }
        if (!STORE_TYPES.contains(truststoreType)) {
            throw refused(prefix, "truststore-type", "must be one of " + STORE_TYPES + ", was " + truststoreType);
        }
        if (protocol.sasl()) {
            if (username == null) {
                throw refused(prefix, "username", "must be set when protocol is " + protocol);
            }
            if (password == null) {
                throw refused(prefix, "password", "must be set (or password-file) when protocol is " + protocol);
            }
        } else {
            if (username != null) {
                throw refused(
                        prefix, "username", "only applies to protocol SASL_PLAINTEXT or SASL_SSL, not " + protocol);
            }
            if (password != null) {
                throw refused(
                        prefix, "password", "only applies to protocol SASL_PLAINTEXT or SASL_SSL, not " + protocol);
            }
        }
        if (!protocol.tls() && truststoreLocation != null) {
            throw refused(prefix, "truststore-location", "only applies to protocol SSL or SASL_SSL, not " + protocol);
        }
        if (truststorePassword != null && truststoreLocation == null) {
            throw refused(prefix, "truststore-password", "only applies with truststore-location");
        }
        if (truststoreLocation != null && !Files.isReadable(Path.of(truststoreLocation))) {
            throw refused(prefix, "truststore-location", "must be a readable file, was " + truststoreLocation);
        }
        // A SCRAM username is sent as-is in the SASL exchange, where ',' and '=' have meaning.
        if (username != null && (username.contains(",") || username.contains("="))) {
            throw refused(prefix, "username", "must not contain ',' or '='");
        }
    }

    /** No security at all: {@code PLAINTEXT}, as the embedded local broker runs. */
    public static KafkaClientSecurity plaintext() {
        return new KafkaClientSecurity("", Protocol.PLAINTEXT, null, null, null, null, null, null);
    }

    /** SASL with SCRAM-SHA-512 as {@code username}, without TLS: tests and trusted networks only. */
    public static KafkaClientSecurity scram(String username, String password) {
        return new KafkaClientSecurity("", Protocol.SASL_PLAINTEXT, null, username, password, null, null, null);
    }

    /**
     * Reads the settings {@code prefix + name} for each of {@link #NAMES} through {@code lookup} (null or blank =
     * unset). {@code password-file} is read here, so the password need not sit in any configuration.
     */
    public static KafkaClientSecurity from(String prefix, Function<String, String> lookup) {
        return from(Keys.under(prefix), Settings.from(lookup), prefix);
    }

    /**
     * Reads {@code keys} from {@code settings} (blank = unset); errors of the combination name the setting as {@code
     * labelPrefix + name} (e.g. {@code --kafka.security.} for job arguments).
     */
    public static KafkaClientSecurity from(Keys keys, Settings settings, String labelPrefix) {
        Settings s = settings.blankAsUnset();
        Function<Setting<String>, String> value = setting -> blankToNull(s.get(setting));
        String protocolName = value.apply(keys.protocol());
        Protocol protocol;
        try {
            protocol = protocolName == null
                    ? Protocol.PLAINTEXT
                    : Protocol.valueOf(protocolName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused(
                    labelPrefix,
                    "protocol",
                    "must be one of " + List.of(Protocol.values()) + ", was " + protocolName.trim());
        }
        // Untrimmed: a password may need its spaces.
        String password = blankToNull(settings.raw(keys.password()).orElse(null));
        String passwordFile = value.apply(keys.passwordFile());
        if (passwordFile != null) {
            if (password != null) {
                throw refused(labelPrefix, "password-file", "must not be set together with password (choose one)");
            }
            password = readPassword(labelPrefix, passwordFile);
        }
        return new KafkaClientSecurity(
                labelPrefix,
                protocol,
                trimmed(value.apply(keys.saslMechanism())),
                trimmed(value.apply(keys.username())),
                password,
                trimmed(value.apply(keys.truststoreLocation())),
                blankToNull(settings.raw(keys.truststorePassword()).orElse(null)),
                trimmed(value.apply(keys.truststoreType())));
    }

    /** The Kafka client properties for these settings; empty for {@code PLAINTEXT}. Holds the password. */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (protocol == Protocol.PLAINTEXT) {
            return p;
        }
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name());
        if (protocol.sasl()) {
            p.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            p.put(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + jaasQuoted(username) + "\" password=\"" + jaasQuoted(password) + "\";");
        }
        if (truststoreLocation != null) {
            p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, truststoreLocation);
            p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, truststoreType);
            if (truststorePassword != null) {
                p.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, truststorePassword);
            }
        }
        return p;
    }

    /** {@link #clientProperties()} as {@link Properties}, for clients built from them (Flink's Kafka connector). */
    public Properties asProperties() {
        Properties p = new Properties();
        clientProperties().forEach((k, v) -> p.setProperty(k, String.valueOf(v)));
        return p;
    }

    /** The settings with every secret redacted: configs get logged, passwords must not. */
    @Override
    public String toString() {
        return "KafkaClientSecurity[protocol=" + protocol
                + (protocol.sasl()
                        ? ", sasl-mechanism=" + saslMechanism + ", username=" + username + ", password=(redacted)"
                        : "")
                + (truststoreLocation != null
                        ? ", truststore-location=" + truststoreLocation + ", truststore-type=" + truststoreType
                                + (truststorePassword != null ? ", truststore-password=(redacted)" : "")
                        : "")
                + "]";
    }

    private static String readPassword(String prefix, String file) {
        try {
            String text = Files.readString(Path.of(file.trim()), StandardCharsets.UTF_8);
            // Secret files usually end with a newline that is not part of the password.
            String password = text.strip();
            if (password.isEmpty()) {
                throw refused(prefix, "password-file", "must not be empty: " + file.trim());
            }
            return password;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage().startsWith(prefix + "password-file")) {
                throw iae;
            }
            // Only the path and the kind of failure: never the contents.
            throw refused(
                    prefix,
                    "password-file",
                    "must be a readable file, was " + file.trim() + " ("
                            + e.getClass().getSimpleName() + ")");
        }
    }

    /** In a JAAS quoted string a backslash escapes the next character. */
    private static String jaasQuoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String orDefault(String value, String name) {
        String v = blankToNull(value);
        return v == null ? DEFAULTS.get(name) : v.trim().toUpperCase(Locale.ROOT);
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static IllegalArgumentException refused(String prefix, String name, String rule) {
        return new IllegalArgumentException(prefix + name + ": " + rule);
    }

    /**
     * The eight settings of one client's security under one prefix, as {@link Setting} constants: {@link #API} for
     * the API, {@link #JOB} for the streaming job. Unset means the default of {@link #DEFAULTS} (or none); the
     * combination is checked by {@link KafkaClientSecurity}'s constructor.
     */
    public record Keys(
            String prefix,
            Setting<String> protocol,
            Setting<String> saslMechanism,
            Setting<String> username,
            Setting<String> password,
            Setting<String> passwordFile,
            Setting<String> truststoreLocation,
            Setting<String> truststorePassword,
            Setting<String> truststoreType) {

        /** The settings {@code prefix + name} for each of {@link #NAMES}. */
        public static Keys under(String prefix) {
            return new Keys(
                    prefix,
                    Setting.text(
                            prefix + "protocol",
                            DEFAULTS.get("protocol"),
                            "Kafka security.protocol: PLAINTEXT, SASL_PLAINTEXT, SASL_SSL or SSL"),
                    Setting.text(
                            prefix + "sasl-mechanism",
                            DEFAULTS.get("sasl-mechanism"),
                            "SCRAM-SHA-512 or SCRAM-SHA-256 (SASL protocols only)"),
                    Setting.text(prefix + "username", "", "SCRAM user (SASL protocols only)"),
                    Setting.text(prefix + "password", "", "SCRAM password (SASL protocols only); or password-file")
                            .secret(),
                    Setting.text(
                            prefix + "password-file",
                            "",
                            "File holding the SCRAM password (a mounted secret); not together with password"),
                    Setting.text(
                            prefix + "truststore-location",
                            "",
                            "Trust store of the brokers' CA (SSL protocols only); else the JVM's"),
                    Setting.text(prefix + "truststore-password", "", "Password of the trust store")
                            .secret(),
                    Setting.text(prefix + "truststore-type", DEFAULTS.get("truststore-type"), "PKCS12, JKS or PEM"));
        }

        /** The eight settings, in the order of {@link #NAMES}. */
        public List<Setting<String>> all() {
            return List.of(
                    protocol,
                    saslMechanism,
                    username,
                    password,
                    passwordFile,
                    truststoreLocation,
                    truststorePassword,
                    truststoreType);
        }
    }
}
