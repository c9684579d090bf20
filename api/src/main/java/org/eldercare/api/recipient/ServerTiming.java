package org.eldercare.api.recipient;

import java.util.Locale;

/**
 * A W3C {@code Server-Timing} header value, {@code match;dur=12.3, audit;dur=4.1}: milliseconds with one decimal.
 * It names the steps of a request and how long each took, nothing about the data.
 */
record ServerTiming(String value) {

    static ServerTiming of(String step, long nanos) {
        return new ServerTiming(entry(step, nanos));
    }

    ServerTiming and(String step, long nanos) {
        return new ServerTiming(value + ", " + entry(step, nanos));
    }

    private static String entry(String step, long nanos) {
        return String.format(Locale.ROOT, "%s;dur=%.1f", step, nanos / 1_000_000.0);
    }

    @Override
    public String toString() {
        return value;
    }
}
