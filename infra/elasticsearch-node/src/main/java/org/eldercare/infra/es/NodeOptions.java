package org.eldercare.infra.es;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The launch options of an Elasticsearch node. Each option comes from a {@code --name=value} argument, else from the
 * system property {@code eldercare.es.<name>}, else from its default.
 *
 * <ul>
 *   <li>{@code home}: ES home holding {@code modules/transport-netty4} and {@code config/} (required)
 *   <li>{@code data}: path.data (default {@code <home>/../data})
 *   <li>{@code logs}: path.logs (default {@code <home>/../logs})
 *   <li>{@code http-port}: HTTP port (default 9200)
 *   <li>{@code transport-port}: transport port (default 9300)
 *   <li>{@code cluster-name}: cluster name (default {@code eldercare})
 *   <li>{@code exit-on-stdin-eof}: stop when stdin closes, i.e. when the launching process dies (default false)
 * </ul>
 */
record NodeOptions(
        Path home, Path data, Path logs, int httpPort, int transportPort, String clusterName, boolean exitOnStdinEof) {

    static NodeOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException(arg + ": arguments must look like --name=value");
            }
            given.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        String homeValue = option(given, "home", null);
        if (homeValue == null) {
            throw new IllegalArgumentException("home: required (--home=DIR or -Deldercare.es.home=DIR)");
        }
        Path home = Path.of(homeValue).toAbsolutePath();
        return new NodeOptions(
                home,
                Path.of(option(given, "data", home.resolveSibling("data").toString())),
                Path.of(option(given, "logs", home.resolveSibling("logs").toString())),
                port(given, "http-port", 9200),
                port(given, "transport-port", 9300),
                option(given, "cluster-name", "eldercare"),
                Boolean.parseBoolean(option(given, "exit-on-stdin-eof", "false")));
    }

    private static String option(Map<String, String> given, String name, String fallback) {
        return given.getOrDefault(name, System.getProperty("eldercare.es." + name, fallback));
    }

    private static int port(Map<String, String> given, String name, int fallback) {
        String value = option(given, name, Integer.toString(fallback));
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
}
