package org.eldercare.infra.node;

import java.io.IOException;
import java.io.InputStream;

/**
 * Lets a node JVM outlive nothing: its launcher holds the node's stdin open as a pipe, so EOF means
 * the launcher died without stopping the node (SIGKILL, a crashed test JVM), and the node exits.
 * {@code System.exit} runs the node's own shutdown hooks, so it still stops cleanly.
 */
public final class ParentWatch {

    private ParentWatch() {}

    /** Starts a daemon thread that exits the JVM with status 0 once stdin reaches its end. */
    public static void exitWhenStdinCloses() {
        Thread watcher = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        while (in.read() >= 0) {
                            // Input is ignored; only its end matters.
                        }
                    } catch (IOException ignored) {
                        // A broken pipe is an end too.
                    }
                    System.exit(0);
                },
                "stdin-eof-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }
}
