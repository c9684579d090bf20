package org.eldercare.ingest.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key of the platform: its name, type, default, meaning and rules, written once. Every module's
 * configuration declares its keys as {@code Setting} constants and reads them through {@link Settings}; the key's
 * documentation ({@link Settings#markdownTable}), its environment-variable names and its error messages all come from
 * here.
 *
 * <p>Contract: {@link #parse(String)} and {@link #check(Object)} throw {@link IllegalArgumentException} whose message
 * starts with the key and states the rule, e.g. {@code eldercare.simulator.rate: must be greater than 0, was -1}. A
 * {@link #secret()} setting never shows its value: not in a message, not in {@link #shown(Object)}, the form meant for
 * logs. Instances are immutable; {@link #rule} and {@link #secret()} return copies.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

    /** One rule a value must satisfy; {@code text} completes "key: ..." (e.g. {@code must be at least 1}). */
    private record Rule<T>(Predicate<T> test, String text) {}

    private final String key;
    private final String defaultText;
    private final String description;
    private final String typeRule;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final List<Rule<T>> rules;
    private final boolean secret;

    private Setting(
            String key,
            String defaultText,
            String description,
            String typeRule,
            Function<String, T> parser,
            Function<T, String> formatter,
            List<Rule<T>> rules,
            boolean secret) {
        this.key = Objects.requireNonNull(key, "key");
        this.defaultText = Objects.requireNonNull(defaultText, key + ": default");
        this.description = Objects.requireNonNull(description, key + ": description");
        this.typeRule = typeRule;
        this.parser = parser;
        this.formatter = formatter;
        this.rules = List.copyOf(rules);
        this.secret = secret;
    }

    /**
     * A setting of any type.
     *
     * @param typeRule what a readable value looks like, completing "key: must be ..." (e.g. {@code a whole number})
     */
    public static <T> Setting<T> of(
            String key,
            String defaultText,
            String description,
            String typeRule,
            Function<String, T> parser,
            Function<T, String> formatter) {
        return new Setting<>(key, defaultText, description, typeRule, parser, formatter, List.of(), false);
    }

    /** Text, taken as given (no trimming: a key or a password may need its spaces). */
    public static Setting<String> text(String key, String defaultText, String description) {
        return of(key, defaultText, description, "text", s -> s, s -> s);
    }

    public static Setting<Integer> integer(String key, String defaultText, String description) {
        return of(key, defaultText, description, "a whole number", s -> Integer.parseInt(s.trim()), String::valueOf);
    }

    public static Setting<Long> longInteger(String key, String defaultText, String description) {
        return of(key, defaultText, description, "a whole number", s -> Long.parseLong(s.trim()), String::valueOf);
    }

    public static Setting<Double> decimal(String key, String defaultText, String description) {
        return of(key, defaultText, description, "a number", s -> Double.parseDouble(s.trim()), String::valueOf);
    }

    /** {@code true} or {@code false}, nothing else: a typo must not silently mean {@code false}. */
    public static Setting<Boolean> bool(String key, String defaultText, String description) {
        return of(key, defaultText, description, "true or false", Setting::strictBoolean, String::valueOf);
    }

    /** An ISO-8601 duration such as {@code PT5S} or {@code P8D}. */
    public static Setting<Duration> duration(String key, String defaultText, String description) {
        return of(
                key,
                defaultText,
                description,
                "an ISO-8601 duration such as PT5S",
                s -> Duration.parse(s.trim()),
                Duration::toString);
    }

    public static Setting<URI> uri(String key, String defaultText, String description) {
        return of(key, defaultText, description, "a URI", s -> URI.create(s.trim()), URI::toString);
    }

    /** A copy that also requires {@code test}; {@code rule} completes "key: ..." as in {@code must be at least 1}. */
    public Setting<T> rule(Predicate<T> test, String rule) {
        List<Rule<T>> more = new ArrayList<>(rules);
        more.add(new Rule<>(test, rule));
        return new Setting<>(key, defaultText, description, typeRule, parser, formatter, more, secret);
    }

    /** A copy whose value is never shown: not in error messages, not in {@link #shown(Object)}. */
    public Setting<T> secret() {
        return new Setting<>(key, defaultText, description, typeRule, parser, formatter, rules, true);
    }

    public String key() {
        return key;
    }

    /** The default as text, as documented and as {@link #parse(String)} reads it. */
    public String defaultText() {
        return defaultText;
    }

    /** The default value, parsed and checked. */
    public T defaultValue() {
        return parse(defaultText);
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return secret;
    }

    /** Reads and checks {@code raw}, failing with a message naming this key. */
    public T parse(String raw) {
        return parse(raw, key);
    }

    /** Like {@link #parse(String)}, naming the key as the source spells it (e.g. {@code --parallelism}). */
    public T parse(String raw, String label) {
        T value;
        try {
            value = parser.apply(raw);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    label + ": must be " + typeRule + (secret ? "" : ", was '" + raw + "'"), e);
        }
        return check(value, label);
    }

    /** Checks a value against every rule of this setting; returns it. */
    public T check(T value) {
        return check(value, key);
    }

    private T check(T value, String label) {
        for (Rule<T> rule : rules) {
            boolean ok;
            try {
                ok = value != null && rule.test().test(value);
            } catch (RuntimeException e) {
                ok = false;
            }
            if (!ok) {
                throw new IllegalArgumentException(label + ": " + rule.text() + (secret ? "" : ", was " + value));
            }
        }
        return value;
    }

    /** The value as text that {@link #parse(String)} reads back. */
    public String format(T value) {
        return formatter.apply(value);
    }

    /** The value as text for logs and messages: {@link #format}, or {@code <redacted>} for a secret. */
    public String shown(T value) {
        return secret ? "<redacted>" : format(value);
    }

    /** This setting with a value, e.g. to hand on as an argument. */
    public Value<T> with(T value) {
        return new Value<>(this, value);
    }

    /**
     * The environment variable {@code prefix} + key upper-cased with {@code .} and {@code -} as {@code _}: {@code
     * envName("ELDERCARE_JOB_")} of {@code pii.hmac-key} is {@code ELDERCARE_JOB_PII_HMAC_KEY}.
     */
    public String envName(String prefix) {
        return envName(prefix, key);
    }

    /** {@link #envName(String)} of any key. */
    public static String envName(String prefix, String key) {
        return prefix + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * The environment variable Spring Boot's relaxed binding reads for this key: upper case, {@code .} as {@code _},
     * dashes dropped ({@code eldercare.data-dir} is {@code ELDERCARE_DATADIR}).
     */
    public String springEnvName() {
        return key.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return key;
    }

    private static boolean strictBoolean(String s) {
        String t = s.trim();
        if (!t.equals("true") && !t.equals("false")) {
            throw new IllegalArgumentException("not true or false");
        }
        return Boolean.parseBoolean(t);
    }

    /** A setting and its value. */
    public record Value<T>(Setting<T> setting, T value) {

        /** As a {@code --key=value} argument. */
        public String asArgument() {
            return "--" + setting.key() + "=" + setting.format(value);
        }

        /** As a {@code --key=value} argument for people: secrets redacted. */
        public String shownArgument() {
            return "--" + setting.key() + "=" + setting.shown(value);
        }
    }
}
