package org.eldercare.infra.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the whole platform as {@code ./eldercare up} runs it: the local platform's classes and the
 * classpath file the build wrote under {@code <root>/infra/platform/local-platform/target} (the API's plain jar, this stack,
 * the streaming jobs), Spring's local profile (which starts this stack in-process), and the stack's data dir and
 * ports as arguments. Tests and benchmarks run the platform as a black box with it.
 *
 * @param serverPort the app's HTTP port
 */
public record PlatformCommand(Path root, String heap, int serverPort, LocalStackConfig stack) {

    private static final String MAIN_CLASS = "org.eldercare.api.EldercareApplication";

    /** The platform on six ports free right now (HTTP and the stack's five), with its state under {@code dataDir}. */
    public static PlatformCommand onFreePorts(Path root, String heap, Path dataDir) {
        int[] ports = Ports.freePorts(6);
        int[] stackPorts = new int[5];
        System.arraycopy(ports, 1, stackPorts, 0, 5);
        return new PlatformCommand(root, heap, ports[0], LocalStackConfig.onPorts(dataDir, stackPorts));
    }

    /** The full command, {@code arguments} (Spring {@code --key=value}s) last. */
    public List<String> command(List<String> arguments) {
        // A fixed heap, as ./eldercare up starts it: left to grow on demand, G1 kept the app's heap at ~160 MB
        // for a 90 MB live set and ran a concurrent cycle every few seconds, whose 30-50 ms remark pauses were
        // the tail of every request (match p99 over HTTP, session 6).
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms" + heap, "-Xmx" + heap));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of(
                "-Deldercare.root=" + root,
                "-cp",
                classpath(),
                MAIN_CLASS,
                "--spring.profiles.active=local",
                "--server.port=" + serverPort));
        stack.placement().forEach((key, value) -> command.add("--" + key + "=" + value));
        command.addAll(arguments);
        return command;
    }

    private String classpath() {
        Path target = root.resolve("infra/platform/local-platform/target");
        Path classpathFile = target.resolve("classpath.txt");
        if (!Files.isDirectory(target.resolve("classes")) || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + ": missing; build the app first (./eldercare build)");
        }
        try {
            return target.resolve("classes")
                    + File.pathSeparator
                    + Files.readString(classpathFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + classpathFile, e);
        }
    }
}
