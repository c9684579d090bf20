package org.eldercare.infra.stack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One child JVM running a prepared node: {@code <nodeDir>/lib/*} is its classpath, its console goes to a file, and it
 * runs on the same java binary as this JVM. Its stdin stays a pipe from us, so the node (started with
 * {@code --exit-on-stdin-eof=true}) exits when this JVM dies however it dies. {@link #stop()} asks politely (SIGTERM),
 * then forcibly.
 */
final class NodeProcess {

    private static final long GRACE_SECONDS = 30;

    private final String name;
    private final Path consoleLog;
    private final Process process;

    private NodeProcess(String name, Path consoleLog, Process process) {
        this.name = name;
        this.consoleLog = consoleLog;
        this.process = process;
    }

    static NodeProcess launch(
            String name, Path nodeDir, String mainClass, List<String> jvmOptions, List<String> args, Path consoleLog)
            throws IOException {
        Path lib = nodeDir.resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new LocalStackException(name + ": the build has not prepared " + lib
                    + "; run ./mvnw install -DskipTests (or point eldercare." + name + ".node-dir at a prepared dir)");
        }
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(lib + File.separator + "*");
        command.add(mainClass);
        command.addAll(args);
        command.add("--exit-on-stdin-eof=true");
        return start(name, command, Map.of(), false, consoleLog);
    }

    /**
     * Runs {@code command} with {@code env} added to ours, its console appended to {@code consoleLog}. In its own
     * session ({@code ownSession}, via {@code setsid} where there is one) a terminal's Ctrl-C reaches only us, so we
     * stop our children in order instead of all dying at once.
     */
    static NodeProcess start(
            String name, List<String> command, Map<String, String> env, boolean ownSession, Path consoleLog)
            throws IOException {
        Files.createDirectories(consoleLog.getParent());
        List<String> full = new ArrayList<>();
        if (ownSession && Files.isExecutable(SETSID)) {
            // A child of ours leads no process group, so setsid execs in place: the PID stays the JVM's.
            full.add(SETSID.toString());
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        builder.environment().putAll(env);
        return new NodeProcess(name, consoleLog, builder.start());
    }

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** The java binary of this JVM, for child JVMs. */
    static String java() {
        return javaBinary();
    }

    /** Waits up to {@code timeout} for the process to exit; its exit code, or empty if it still runs. */
    java.util.OptionalInt waitFor(java.time.Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? java.util.OptionalInt.of(process.exitValue())
                : java.util.OptionalInt.empty();
    }

    /**
     * Options every node JVM gets, with the serial collector: right for Kafka's small heap, where a collection
     * is a few milliseconds. The last two silence JDK 24+ warnings about netty and Lucene.
     */
    static List<String> commonJvmOptions(String heap) {
        return commonJvmOptions(heap, List.of("-XX:+UseSerialGC"));
    }

    /**
     * Options for a node that answers user queries from a large heap. The serial collector stopped the
     * Elasticsearch node for 32-78 ms per young collection and 299 ms for a full one in the middle of match
     * queries (JFR, session 5), which is the whole tail of the match p99; G1 with the settings Elasticsearch
     * ships in its own {@code jvm.options} keeps pauses short and collects concurrently.
     */
    static List<String> queryNodeJvmOptions(String heap) {
        return commonJvmOptions(
                heap, List.of("-XX:+UseG1GC", "-XX:G1ReservePercent=25", "-XX:InitiatingHeapOccupancyPercent=30"));
    }

    private static List<String> commonJvmOptions(String heap, List<String> collector) {
        List<String> options = new ArrayList<>(List.of("-Xms" + heap, "-Xmx" + heap));
        options.addAll(collector);
        options.addAll(
                List.of("-Dfile.encoding=UTF-8", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Fails if the process is gone, quoting the end of its console. */
    void requireAlive() {
        if (!process.isAlive()) {
            throw new LocalStackException(name + " exited with code " + process.exitValue() + " during startup; its"
                    + " console (" + consoleLog + ") ends with:\n" + consoleTail(20));
        }
    }

    String consoleTail(int lines) {
        try {
            List<String> all = Files.readAllLines(consoleLog, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
