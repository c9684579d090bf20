package org.eldercare.benchmark.common;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options of a benchmark: {@code --key value} or {@code --key=value}. Each getter names its default;
 * {@link #requireAllKnown()} then fails on any option no getter asked for, so a typo never silently runs the
 * defaults.
 */
public final class Options {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> asked = new TreeSet<>();

    private Options() {}

    public static Options parse(String[] args) {
        Options options = new Options();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(arg + ": options look like --key value or --key=value");
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.values.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.values.put(arg.substring(2), args[++i]);
            } else {
                options.values.put(arg.substring(2), "true");
            }
        }
        return options;
    }

    public String string(String key, String defaultValue) {
        asked.add(key);
        return values.getOrDefault(key, defaultValue);
    }

    public int integer(String key, int defaultValue) {
        return (int) number(key, defaultValue);
    }

    public long number(String key, long defaultValue) {
        String raw = string(key, null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(raw.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + ": must be a whole number, was '" + raw + "'");
        }
    }

    /** Seconds as a plain number ({@code 30}) or an ISO-8601 duration ({@code PT30S}). */
    public Duration duration(String key, Duration defaultValue) {
        String raw = string(key, null);
        if (raw == null) {
            return defaultValue;
        }
        try {
            return raw.startsWith("P")
                    ? Duration.parse(raw)
                    : Duration.ofMillis((long) (Double.parseDouble(raw) * 1000));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "--" + key + ": must be seconds (30) or a duration (PT30S), was '" + raw + "'");
        }
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(string(key, "false"));
    }

    /** Fails naming every option that no getter read. */
    public void requireAllKnown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(asked);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + unknown + "; known are " + asked);
        }
    }
}
