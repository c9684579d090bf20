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
        Function<String, String> value = name -> blankToNull(lookup.apply(prefix + name));
        String protocolName = value.apply("protocol");
        Protocol protocol;
        try {
            protocol = protocolName == null
                    ? Protocol.PLAINTEXT
                    : Protocol.valueOf(protocolName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw refused(
                    prefix,
                    "protocol",
                    "must be one of " + List.of(Protocol.values()) + ", was " + protocolName.trim());
        }
        String password = value.apply("password");
        String passwordFile = value.apply("password-file");
        if (passwordFile != null) {
            if (password != null) {
                throw refused(prefix, "password-file", "must not be set together with password (choose one)");
            }
            password = readPassword(prefix, passwordFile);
        }
        return new KafkaClientSecurity(
                prefix,
                protocol,
                trimmed(value.apply("sasl-mechanism")),
                trimmed(value.apply("username")),
                password,
                trimmed(value.apply("truststore-location")),
                value.apply("truststore-password"),
                trimmed(value.apply("truststore-type")));
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
}
