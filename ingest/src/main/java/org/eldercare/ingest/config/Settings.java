package org.eldercare.ingest.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Where settings come from: a source of raw text per key, read as typed values with {@link #get(Setting)}. A key the
 * source does not have gives the setting's default; a value that cannot be read, or breaks a rule, fails with a
 * message naming the key as the source spells it ({@code --parallelism} for an argument, {@code
 * eldercare.kafka.port} for a property).
 *
 * <p>Sources: a {@link #from(Function) lookup} (a Spring {@code Environment::getProperty}, {@code System::getProperty}),
 * a {@link #of(Map) map}, {@link #of(Properties) properties}, {@link #fromArgs job arguments} and {@link #environment
 * environment variables}; {@link #orElse} layers them (the first that has a key wins). Immutable.
 */
public final class Settings {

    /** A raw value and how its source names the key. */
    private record Found(String raw, String label) {}

    @FunctionalInterface
    private interface Source {
        Found find(String key);
    }

    private final Source source;

    private Settings(Source source) {
        this.source = source;
    }

    /** No values: every setting has its default. */
    public static Settings none() {
        return new Settings(key -> null);
    }

    /** Reads through {@code lookup}; {@code null} means unset. A blank value is a value (see {@link #blankAsUnset}). */
    public static Settings from(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return new Settings(key -> {
            String raw = lookup.apply(key);
            return raw == null ? null : new Found(raw, key);
        });
    }

    public static Settings of(Map<String, String> values) {
        return from(Map.copyOf(values)::get);
    }

    public static Settings of(Properties properties) {
        return from(properties::getProperty);
    }

    public static Settings systemProperties() {
        return from(System::getProperty);
    }

    /**
     * Job arguments {@code --key=value}; an argument of another shape, or a key not among {@code known}, fails naming
     * it. A later argument for the same key wins.
     */
    public static Settings fromArgs(String[] args, Collection<? extends Setting<?>> known) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> keys = known.stream().map(Setting::key).toList();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException(arg + ": must look like --key=value");
            }
            String key = arg.substring(2, eq);
            if (!keys.contains(key)) {
                throw new IllegalArgumentException("--" + key + ": unknown option; known are " + keys);
            }
            values.put(key, arg.substring(eq + 1));
        }
        return new Settings(key -> values.containsKey(key) ? new Found(values.get(key), "--" + key) : null);
    }

    /**
     * Environment variables, one per setting of {@code settings}, named by {@code envName} (e.g. {@code s ->
     * s.envName("ELDERCARE_JOB_")} or {@link Setting#springEnvName()}); {@code environment} is {@code System::getenv}
     * or a map in tests. Errors name the variable.
     */
    public static Settings environment(
            Collection<? extends Setting<?>> settings,
            Function<Setting<?>, String> envName,
            Function<String, String> environment) {
        Map<String, String> names = new LinkedHashMap<>();
        settings.forEach(s -> names.put(s.key(), envName.apply(s)));
        return new Settings(key -> {
            String name = names.get(key);
            String raw = name == null ? null : environment.apply(name);
            return raw == null ? null : new Found(raw, name);
        });
    }

    /** This source where a blank value also means unset, and values are trimmed (property files, Spring). */
    public Settings blankAsUnset() {
        return new Settings(key -> {
            Found found = source.find(key);
            return found == null || found.raw().isBlank()
                    ? null
                    : new Found(found.raw().trim(), found.label());
        });
    }

    /** This source, and {@code fallback} for the keys this one does not have. */
    public Settings orElse(Settings fallback) {
        return new Settings(key -> {
            Found found = source.find(key);
            return found != null ? found : fallback.source.find(key);
        });
    }

    /** The value of {@code setting}: from this source, else its default; read and checked against its rules. */
    public <T> T get(Setting<T> setting) {
        Found found = source.find(setting.key());
        return found == null ? setting.defaultValue() : setting.parse(found.raw(), found.label());
    }

    /** The raw text this source holds for {@code setting}, if any. */
    public Optional<String> raw(Setting<?> setting) {
        return Optional.ofNullable(source.find(setting.key())).map(Found::raw);
    }

    /** A markdown table of the settings (key, default, meaning), for a README. */
    public static String markdownTable(Collection<? extends Setting<?>> settings) {
        StringBuilder table = new StringBuilder("| key | default | meaning |\n|---|---|---|\n");
        for (Setting<?> s : settings) {
            String def = s.defaultText().isEmpty() ? "(none)" : "`" + s.defaultText() + "`";
            table.append("| `")
                    .append(s.key())
                    .append("` | ")
                    .append(def)
                    .append(" | ")
                    .append(s.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }
}
