package org.eldercare.ingest.validation;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The allowed names of an enum field and the rule text that lists them. Looked up in a map, because
 * {@link Enum#valueOf} throws for an unknown name and bad input must not cost an exception.
 */
final class Choice<E extends Enum<E>> {

    private final Map<String, E> byName;
    private final String rule;

    private Choice(Class<E> type) {
        E[] values = type.getEnumConstants();
        this.byName = Arrays.stream(values).collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));
        this.rule = "must be one of " + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    static <E extends Enum<E>> Choice<E> of(Class<E> type) {
        return new Choice<>(type);
    }

    /** The constant with exactly this name, or null. */
    E find(String name) {
        return byName.get(name);
    }

    String rule() {
        return rule;
    }
}
