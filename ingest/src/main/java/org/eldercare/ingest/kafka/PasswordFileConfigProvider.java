package org.eldercare.ingest.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * A Kafka {@link ConfigProvider} that reads a password file when a Kafka client is built, so that a client's
 * configuration names the file and never holds the password (docs/CONTRACT.md §6.6). {@link KafkaClientSecurity}
 * writes {@code sasl.jaas.config} with {@code password="${eldercare-secret:<absolute path>:jaas}"}; Kafka resolves it
 * through this class in whatever JVM builds the client (the API, a Flink task manager).
 *
 * <p>The value is the file's contents without surrounding whitespace (a secret file's trailing newline is not part of
 * the password), escaped for a JAAS quoted string. The only key is {@code jaas}. Errors name the file and the kind of
 * failure, never the contents.
 *
 * <p>Kafka loads config providers named in a client's configuration only if the JVM's system property {@code
 * org.apache.kafka.automatic.config.providers} is unset (every provider allowed, the default of Kafka 4.x) or lists
 * this class's name.
 */
public final class PasswordFileConfigProvider implements ConfigProvider {

    /** The alias under which {@link KafkaClientSecurity} registers this provider in {@code config.providers}. */
    public static final String ALIAS = "eldercare-secret";

    /** The one key: the password, escaped for a JAAS quoted string. */
    public static final String JAAS = "jaas";

    @Override
    public void configure(Map<String, ?> configs) {}

    @Override
    public ConfigData get(String path) {
        return get(path, Set.of(JAAS));
    }

    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> data = new HashMap<>();
        for (String key : keys) {
            if (!key.equals(JAAS)) {
                throw new ConfigException(ALIAS + ": unknown key '" + key + "', the only key is '" + JAAS + "'");
            }
            data.put(key, jaasQuoted(read(path)));
        }
        return new ConfigData(data);
    }

    /** The password in {@code file}, stripped; refused when the file is unreadable or blank. */
    static String read(String file) {
        try {
            String password =
                    Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            if (password.isEmpty()) {
                throw new ConfigException(ALIAS + ": password file " + file + " is empty");
            }
            return password;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ConfigException c) {
                throw c;
            }
            throw new ConfigException(ALIAS + ": cannot read password file " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** In a JAAS quoted string a backslash escapes the next character. */
    static String jaasQuoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {}
}
