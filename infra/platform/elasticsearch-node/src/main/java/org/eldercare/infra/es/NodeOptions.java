package org.eldercare.infra.es;

import java.nio.file.Path;
import org.eldercare.infra.node.NodeArguments;

/**
 * The launch options of an Elasticsearch node. Each option comes from a {@code --name=value} argument, else from the
 * system property {@code eldercare.es.<name>}, else from its default.
 *
 * <ul>
 *   <li>{@code home}: ES home holding {@code modules/transport-netty4} and {@code config/} (required)
 *   <li>{@code data}: path.data (default {@code <home>/../data})
 *   <li>{@code logs}: path.logs (default {@code <home>/../logs})
 *   <li>{@code http-port}: HTTP port (default 9200)
 *   <li>{@code transport-port}: transport port (default 9300), always on 127.0.0.1: a single node talks to nobody
 *   <li>{@code http-host}: the address HTTP listens on (default 127.0.0.1; 0.0.0.0 opens it to the network)
 *   <li>{@code cluster-name}: cluster name (default {@code eldercare})
 *   <li>{@code exit-on-stdin-eof}: stop when stdin closes, i.e. when the launching process dies (default false)
 * </ul>
 */
record NodeOptions(
        Path home,
        Path data,
        Path logs,
        int httpPort,
        int transportPort,
        String httpHost,
        String clusterName,
        boolean exitOnStdinEof) {

    static NodeOptions parse(String[] args) {
        NodeArguments given = NodeArguments.parse(args, "eldercare.es.");
        Path home = Path.of(given.required("home")).toAbsolutePath();
        return new NodeOptions(
                home,
                Path.of(given.option("data", home.resolveSibling("data").toString())),
                Path.of(given.option("logs", home.resolveSibling("logs").toString())),
                given.port("http-port", 9200),
                given.port("transport-port", 9300),
                given.option("http-host", "127.0.0.1"),
                given.option("cluster-name", "eldercare"),
                given.exitOnStdinEof());
    }
}
