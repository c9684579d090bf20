package org.eldercare.infra.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.client.cli.CliFrontend;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint;
import org.apache.flink.runtime.taskexecutor.TaskManagerRunner;
import org.eldercare.infra.node.ParentWatch;

/**
 * Runs one process of a standalone Flink session cluster, the way the distribution's scripts would:
 * {@code jobmanager} (the session cluster entrypoint: dispatcher, resource manager, REST), {@code
 * taskmanager}, or {@code client} (the {@code flink} CLI, e.g. {@code client run -c Main job.jar}).
 *
 * <p>Options: {@code --role=jobmanager|taskmanager|client} and {@code --conf-dir=DIR} (a Flink
 * {@code config.yaml}) come first; {@code --exit-on-stdin-eof=true} makes the process exit when its
 * launcher dies; every other argument goes to Flink unchanged.
 */
public final class FlinkNodeMain {

    private FlinkNodeMain() {}

    public static void main(String[] args) throws Exception {
        String role = null;
        String confDir = null;
        boolean exitOnStdinEof = false;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--role=")) {
                role = arg.substring("--role=".length());
            } else if (arg.startsWith("--conf-dir=")) {
                confDir = arg.substring("--conf-dir=".length());
            } else if (arg.equals("--exit-on-stdin-eof=true")) {
                exitOnStdinEof = true;
            } else {
                rest.add(arg);
            }
        }
        if (role == null || confDir == null) {
            throw new IllegalArgumentException("--role=jobmanager|taskmanager|client and --conf-dir=DIR are required");
        }
        System.setProperty("log4j2.configurationFile", "flink-node-log4j2.xml");
        if (exitOnStdinEof) {
            ParentWatch.exitWhenStdinCloses();
        }
        switch (role) {
            case "jobmanager" -> StandaloneSessionClusterEntrypoint.main(withConfDir(confDir, rest));
            case "taskmanager" -> {
                rest.addAll(resourceSpec(confDir));
                TaskManagerRunner.main(withConfDir(confDir, rest));
            }
            case "client" -> {
                // The CLI finds its configuration through the environment only; the launcher sets
                // FLINK_CONF_DIR, and a mismatch would silently submit elsewhere.
                if (!confDir.equals(System.getenv("FLINK_CONF_DIR"))) {
                    throw new IllegalArgumentException("client: set FLINK_CONF_DIR=" + confDir + " as well");
                }
                CliFrontend.main(rest.toArray(String[]::new));
            }
            default ->
                throw new IllegalArgumentException("--role: " + role + " is not jobmanager, taskmanager or client");
        }
    }

    /**
     * The TaskManager's memory and CPU as explicit settings, derived from {@code
     * taskmanager.memory.process.size} as the distribution's start script derives them (it runs the
     * same utility); the TaskManager refuses to start without them.
     */
    private static List<String> resourceSpec(String confDir) {
        Configuration conf = GlobalConfiguration.loadConfiguration(confDir);
        String dynamic = TaskExecutorProcessUtils.generateDynamicConfigsStr(
                TaskExecutorProcessUtils.processSpecFromConfig(conf));
        return List.of(dynamic.trim().split("\\s+"));
    }

    private static String[] withConfDir(String confDir, List<String> rest) {
        List<String> args = new ArrayList<>(List.of("--configDir", confDir));
        args.addAll(rest);
        return args.toArray(String[]::new);
    }
}
