package org.eldercare.infra.es;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginsLoader;
import org.eldercare.infra.node.ParentWatch;

/**
 * Runs one single-node Elasticsearch cluster bound to 127.0.0.1 from the jars on the classpath, with the
 * {@code transport-netty4} module taken from {@code <home>/modules}. Logs go to {@code <logs>/<cluster>.log}; stdout
 * gets one line when the node is up. SIGTERM (or stdin EOF with {@code --exit-on-stdin-eof=true}) closes the node
 * cleanly. See {@link NodeOptions} for the options.
 */
public final class ElasticsearchNodeMain {

    private static final String NODE_NAME = "eldercare-es";

    private ElasticsearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        NodeOptions options = NodeOptions.parse(args);
        // ES routes System.out into its log once configured; keep the real console for the one "started" line.
        PrintStream console = System.out;
        Files.createDirectories(options.data());
        Files.createDirectories(options.logs());
        long started = System.nanoTime();

        Settings settings = Settings.builder()
                .put("path.home", options.home().toString())
                .put("path.data", options.data().toString())
                .put("path.logs", options.logs().toString())
                .put("cluster.name", options.clusterName())
                .put("node.name", NODE_NAME)
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                // HTTP alone follows the platform's bind address; transport stays on loopback.
                .put("http.host", options.httpHost())
                .put("http.port", options.httpPort())
                .put("transport.port", options.transportPort())
                .build();

        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Environment env = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> NODE_NAME);
        LogConfigurator.setNodeName(NODE_NAME);
        LogConfigurator.configure(env, false);
        PluginsLoader plugins = PluginsLoader.createPluginsLoader(
                PluginsLoader.loadModulesBundles(env.modulesDir(), false), Set.of(), Map.of(), false);
        Node node = new Node(env, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node, stopped), "es-node-shutdown"));
        node.start();
        console.printf(
                "elasticsearch node started on http://127.0.0.1:%d in %.1f s%n",
                options.httpPort(), (System.nanoTime() - started) / 1e9);
        if (options.exitOnStdinEof()) {
            ParentWatch.exitWhenStdinCloses();
        }
        // The node's threads are daemons: main keeps the JVM alive until shutdown.
        stopped.await();
    }

    private static void close(Node node, CountDownLatch stopped) {
        try {
            node.close();
            node.awaitClose(20, TimeUnit.SECONDS);
        } catch (IOException e) {
            e.printStackTrace();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }
}
