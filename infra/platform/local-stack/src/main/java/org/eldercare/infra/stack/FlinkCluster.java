package org.eldercare.infra.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink MiniCluster in this JVM (one TaskManager), with checkpoints, savepoints and temp files under
 * {@code <dataDir>/flink}. Jobs reach it through its REST endpoint, like a real session cluster.
 */
final class FlinkCluster implements AutoCloseable {

    private final LocalStackConfig config;
    private MiniCluster miniCluster;
    private URI restAddress;

    FlinkCluster(LocalStackConfig config) {
        this.config = config;
    }

    void start() throws Exception {
        // Only scratch lives in tmp (e.g. the RPC jar a killed run never removed); clear it so it cannot pile up.
        deleteContents(config.flinkDir().resolve("tmp"));
        Configuration flink = directories();
        flink.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        flink.set(RestOptions.ADDRESS, "127.0.0.1");
        flink.set(RestOptions.BIND_PORT, Integer.toString(config.flinkRestPort()));
        flink.set(RestOptions.PORT, config.flinkRestPort());
        // No jar upload or run over REST, whoever can reach the port (defence in depth: the runtime-web module that
        // serves /jars is not on the classpath today). The app submits its job graph through POST /jobs.
        flink.set(WebOptions.SUBMIT_ENABLE, false);
        flink.set(WebOptions.CANCEL_ENABLE, false);
        miniCluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(flink)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(config.flinkTaskSlots())
                .build());
        miniCluster.start();
        restAddress = miniCluster.getRestAddress().get(30, TimeUnit.SECONDS);
    }

    /** The directory settings shared by the cluster and the jobs submitted to it. */
    Configuration directories() throws java.io.IOException {
        Path dir = config.flinkDir();
        for (String sub : new String[] {"checkpoints", "savepoints", "tmp"}) {
            OwnerOnly.directory(dir.resolve(sub));
        }
        Configuration flink = new Configuration();
        flink.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                dir.resolve("checkpoints").toUri().toString());
        flink.set(
                CheckpointingOptions.SAVEPOINT_DIRECTORY,
                dir.resolve("savepoints").toUri().toString());
        flink.set(CoreOptions.TMP_DIRS, dir.resolve("tmp").toString());
        return flink;
    }

    private static void deleteContents(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    MiniCluster miniCluster() {
        return miniCluster;
    }

    URI restAddress() {
        return restAddress;
    }

    StreamExecutionEnvironment environment() {
        try {
            Configuration client = directories();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createRemoteEnvironment(
                    restAddress.getHost(), restAddress.getPort(), client);
            env.setParallelism(config.flinkParallelism());
            return env;
        } catch (java.io.IOException e) {
            throw new LocalStackException("flink: cannot create " + config.flinkDir(), e);
        }
    }

    boolean healthy() {
        return miniCluster != null && miniCluster.isRunning();
    }

    @Override
    public void close() throws Exception {
        if (miniCluster != null) {
            miniCluster.close();
        }
    }
}
