package org.eldercare.infra.node;

import java.util.HashMap;
import java.util.Map;

/**
 * A node's launch options: each comes from a {@code --name=value} argument, else from the system
 * property {@code <prefix><name>}, else from its default. Every error names the option and its rule.
 */
public final class NodeArguments {

    private final Map<String, String> given;
    private final String propertyPrefix;

    private NodeArguments(Map<String, String> given, String propertyPrefix) {
        this.given = given;
        this.propertyPrefix = propertyPrefix;
    }

    /** Reads {@code --name=value} arguments; anything else is refused. */
    public static NodeArguments parse(String[] args, String propertyPrefix) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException(arg + ": arguments must look like --name=value");
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return new NodeArguments(given, propertyPrefix);
    }

    public String option(String name, String fallback) {
        return given.getOrDefault(name, System.getProperty(propertyPrefix + name, fallback));
    }

    public String required(String name) {
        String value = option(name, null);
        if (value == null) {
            throw new IllegalArgumentException(
                    name + ": required (--" + name + "=DIR or -D" + propertyPrefix + name + "=DIR)");
        }
        return value;
    }

    public int port(String name, int fallback) {
        String value = option(name, Integer.toString(fallback));
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": must be a port number between 1 and 65535, was " + value);
        }
    }

    /** {@code --exit-on-stdin-eof=true}: stop when the launching process dies (see {@link ParentWatch}). */
    public boolean exitOnStdinEof() {
        return Boolean.parseBoolean(option("exit-on-stdin-eof", "false"));
    }
}
