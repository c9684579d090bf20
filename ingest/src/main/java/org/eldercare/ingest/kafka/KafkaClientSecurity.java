package org.eldercare.ingest.kafka;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
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
 * --kafka.security.}) and the rule. A {@code password} appears in {@link #clientProperties()} only, never in {@link
 * #toString()} or an error. A {@code password-file} is never read into this object: {@link #clientProperties()}
 * names the file through {@link PasswordFileConfigProvider}, and Kafka reads it when it builds the client, so a
 * configuration that travels (the streaming job's, inside its JobGraph) carries the path and not the password.
 */
public record KafkaClientSecurity(
        String prefix,
        Protocol protocol,
        String saslMechanism,
        String username,
        String password,
        String passwordFile,
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
        passwordFile = blankToNull(passwordFile);
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
            if (password == null && passwordFile == null) {
                throw refused(prefix, "password", "must be set (or password-file) when protocol is " + protocol);
            }
            if (password != null && passwordFile != null) {
                throw refused(prefix, "password-file", "must not be set together with password (choose one)");
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
            if (passwordFile != null) {
                throw refused(
                        prefix,
                        "password-file",
                        "only applies to protocol SASL_PLAINTEXT or SASL_SSL, not " + protocol);
            }
        }
        if (passwordFile != null) {
            passwordFile = checkedPasswordFile(prefix, passwordFile);
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
        return new KafkaClientSecurity("", Protocol.PLAINTEXT, null, null, null, null, null, null, null);
    }

    /** SASL with SCRAM-SHA-512 as {@code username}, without TLS: tests and trusted networks only. */
    public static KafkaClientSecurity scram(String username, String password) {
        return new KafkaClientSecurity("", Protocol.SASL_PLAINTEXT, null, username, password, null, null, null, null);
    }

    /** SASL with SCRAM-SHA-512 as {@code username}, the password in {@code passwordFile}, without TLS. */
    public static KafkaClientSecurity scramWithPasswordFile(String username, Path passwordFile) {
        return new KafkaClientSecurity(
                "", Protocol.SASL_PLAINTEXT, null, username, null, passwordFile.toString(), null, null, null);
    }

    /** This with {@code protocol} (e.g. {@code SASL_SSL}) and a trust store: the same principal over TLS. */
    public KafkaClientSecurity overTls(Path truststore, String truststorePassword, String truststoreType) {
        Protocol tls = protocol.sasl() ? Protocol.SASL_SSL : Protocol.SSL;
        return new KafkaClientSecurity(
                prefix,
                tls,
                saslMechanism,
                username,
                password,
                passwordFile,
                truststore == null ? null : truststore.toString(),
                truststorePassword,
                truststoreType);
    }

    /**
     * Reads the settings {@code prefix + name} for each of {@link #NAMES} through {@code lookup} (null or blank =
     * unset). A {@code password-file} is checked here and read by Kafka when a client is built.
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
        String passwordFile = trimmed(value.apply(keys.passwordFile()));
        if (passwordFile != null && password != null) {
            throw refused(labelPrefix, "password-file", "must not be set together with password (choose one)");
        }
        return new KafkaClientSecurity(
                labelPrefix,
                protocol,
                trimmed(value.apply(keys.saslMechanism())),
                trimmed(value.apply(keys.username())),
                password,
                passwordFile,
                trimmed(value.apply(keys.truststoreLocation())),
                blankToNull(settings.raw(keys.truststorePassword()).orElse(null)),
                trimmed(value.apply(keys.truststoreType())));
    }

    /**
     * The Kafka client properties for these settings; empty for {@code PLAINTEXT}. Holds a {@code password}; a {@code
     * password-file} only as a reference ({@code ${eldercare-secret:<file>:jaas}}) that Kafka resolves through {@link
     * PasswordFileConfigProvider} when it builds the client.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        if (protocol == Protocol.PLAINTEXT) {
            return p;
        }
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol.name());
        if (protocol.sasl()) {
            p.put(SaslConfigs.SASL_MECHANISM, saslMechanism);
            String jaasPassword;
            if (passwordFile != null) {
                String alias = PasswordFileConfigProvider.ALIAS;
                p.put(AbstractConfig.CONFIG_PROVIDERS_CONFIG, alias);
                p.put(
                        AbstractConfig.CONFIG_PROVIDERS_CONFIG + "." + alias + ".class",
                        PasswordFileConfigProvider.class.getName());
                jaasPassword = "${" + alias + ":" + passwordFile + ":" + PasswordFileConfigProvider.JAAS + "}";
            } else {
                jaasPassword = jaasQuoted(password);
            }
            p.put(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                            + jaasQuoted(username) + "\" password=\"" + jaasPassword + "\";");
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
                        ? ", sasl-mechanism=" + saslMechanism + ", username=" + username
                                + (passwordFile != null ? ", password-file=" + passwordFile : ", password=(redacted)")
                        : "")
                + (truststoreLocation != null
                        ? ", truststore-location=" + truststoreLocation + ", truststore-type=" + truststoreType
                                + (truststorePassword != null ? ", truststore-password=(redacted)" : "")
                        : "")
                + "]";
    }

    /**
     * The password file as an absolute path, after checking that it holds a password; its contents are not kept. Kafka
     * reads the file again when it builds a client, so the path must be readable there too (where the job's tasks
     * run), and it must not contain {@code :} or <code>}</code>, which end a Kafka {@code ${...}} reference.
     */
    private static String checkedPasswordFile(String prefix, String file) {
        String path = file.trim();
        try {
            path = Path.of(path).toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            throw refused(prefix, "password-file", "must be a file path, was " + path);
        }
        if (path.contains(":") || path.contains("}")) {
            throw refused(prefix, "password-file", "must not contain ':' or '}', was " + path);
        }
        try {
            PasswordFileConfigProvider.read(path);
        } catch (org.apache.kafka.common.config.ConfigException e) {
            throw refused(
                    prefix,
                    "password-file",
                    e.getMessage().contains(" is empty")
                            ? "must not be empty: " + path
                            : e.getMessage()
                                    .replace(
                                            PasswordFileConfigProvider.ALIAS + ": cannot read password file ",
                                            "must be a readable file, was "));
        }
        return path;
    }

    private static String jaasQuoted(String s) {
        return PasswordFileConfigProvider.jaasQuoted(s);
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
