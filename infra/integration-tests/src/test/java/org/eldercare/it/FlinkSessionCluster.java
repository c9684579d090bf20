package org.eldercare.it;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real standalone Flink session cluster: a JobManager and a TaskManager in their own JVMs, on the
 * classpath the build laid out in {@code infra/platform/flink-node/target/node/lib} (Flink only, like a
 * distribution's {@code lib/}), configured by a {@code config.yaml} under {@code dir}. Jobs are
 * submitted the way an operator would, with {@code flink run} in a third JVM.
 */
final class FlinkSessionCluster implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Pattern SUBMITTED = Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");

    /** What the distribution's config.yaml passes every Flink JVM ({@code env.java.default-opts.all}) on JDK 17+. */
    private static final List<String> DISTRIBUTION_JVM_OPTIONS = Stream.concat(
                    Stream.of("java.rmi/sun.rmi.registry", "java.security.jgss/sun.security.krb5")
                            .map(p -> "--add-exports=" + p + "=ALL-UNNAMED"),
                    Stream.of(
                                    "java.lang",
                                    "java.net",
                                    "java.io",
                                    "java.nio",
                                    "sun.nio.ch",
                                    "java.lang.reflect",
                                    "java.text",
                                    "java.time",
                                    "java.util",
                                    "java.util.concurrent",
                                    "java.util.concurrent.atomic",
                                    "java.util.concurrent.locks")
                            .map(p -> "--add-opens=java.base/" + p + "=ALL-UNNAMED"))
            .toList();

    private final Path lib;
    private final Path dir;
    private final int restPort = ChildJvm.freePort();
    private final int rpcPort = ChildJvm.freePort();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final List<Process> processes = new ArrayList<>();

    private FlinkSessionCluster(Path dir) {
        String root = System.getProperty("eldercare.root", "../..");
        this.lib = Path.of(root, "infra", "platform", "flink-node", "target", "node", "lib")
                .toAbsolutePath()
                .normalize();
        this.dir = dir;
    }

    /** Starts both processes and waits until the TaskManager has offered its two slots. */
    static FlinkSessionCluster started(Path dir) throws Exception {
        FlinkSessionCluster cluster = new FlinkSessionCluster(dir);
        cluster.start();
        return cluster;
    }

    String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }

    private void start() throws Exception {
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build infra/platform/flink-node first");
        }
        Files.createDirectories(dir.resolve("conf"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("conf").resolve("config.yaml"), configYaml(), StandardCharsets.UTF_8);
        processes.add(launch("jobmanager", "512m", List.of(), Map.of()));
        processes.add(launch("taskmanager", "768m", List.of(), Map.of()));
        awaitSlots();
    }

    private String configYaml() {
        return String.join(
                "\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.process.size: 1024m",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: 2",
                "taskmanager.memory.process.size: 1536m",
                "parallelism.default: 2",
                "io.tmp.dirs: " + dir.resolve("tmp"),
                "execution.target: remote",
                "");
    }

    /**
     * Runs {@code flink run --detached -c mainClass jar args...} and returns the submitted job's id;
     * fails quoting the CLI's output when it does not say it submitted one.
     */
    String submit(Path jar, String mainClass, List<String> args) throws Exception {
        List<String> cli = new ArrayList<>(List.of("run", "--detached", "-c", mainClass, jar.toString()));
        cli.addAll(args);
        Process client = launch(
                "client",
                "256m",
                cli,
                Map.of("FLINK_CONF_DIR", dir.resolve("conf").toString()));
        if (!client.waitFor(3, TimeUnit.MINUTES)) {
            client.destroyForcibly();
            throw new IllegalStateException("flink run did not finish in 3 minutes: " + console("client"));
        }
        String output = console("client");
        Matcher submitted = SUBMITTED.matcher(output);
        if (client.exitValue() != 0 || !submitted.find()) {
            throw new IllegalStateException("flink run exited with " + client.exitValue() + ":\n" + output);
        }
        return submitted.group(1);
    }

    /** The job's state as the REST API reports it (RUNNING, FAILED, ...). */
    String jobState(String jobId) throws Exception {
        String body = get("/jobs/" + jobId);
        Matcher state = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"").matcher(body);
        return state.find() ? state.group(1) : "UNKNOWN(" + body + ")";
    }

    /** The root exception of a failed job, for assertion messages. */
    String exceptions(String jobId) throws Exception {
        return get("/jobs/" + jobId + "/exceptions");
    }

    String console(String role) throws IOException {
        Path log = dir.resolve(role + ".log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no " + log + ")";
    }

    private Process launch(String role, String heap, List<String> args, Map<String, String> env) throws IOException {
        List<String> command = ChildJvm.javaCommand(heap, dir.resolve("tmp"));
        command.addAll(DISTRIBUTION_JVM_OPTIONS);
        command.addAll(List.of(
                "-cp",
                lib + File.separator + "*",
                "org.eldercare.infra.flink.FlinkNodeMain",
                "--role=" + role,
                "--conf-dir=" + dir.resolve("conf"),
                "--exit-on-stdin-eof=true"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(role + ".log").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitSlots() throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a Flink process exited with " + process.exitValue()
                            + "; jobmanager:\n" + tail(console("jobmanager")) + "\ntaskmanager:\n"
                            + tail(console("taskmanager")));
                }
            }
            try {
                if (get("/overview").replace(" ", "").contains("\"slots-available\":2")) {
                    return;
                }
            } catch (IOException notYet) {
                // REST not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                "no TaskManager slots within " + STARTUP + "; jobmanager:\n" + tail(console("jobmanager")));
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(restUrl() + path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String tail(String text) {
        return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    }

    /** Stops the TaskManager, then the JobManager: SIGTERM, then kill. */
    @Override
    public void close() throws InterruptedException {
        for (Process process : processes.reversed()) {
            ChildJvm.stop(process);
        }
    }
}
