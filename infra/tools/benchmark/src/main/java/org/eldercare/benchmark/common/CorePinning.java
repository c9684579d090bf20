package org.eldercare.benchmark.common;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Gives the embedded Elasticsearch node CPUs of its own for a benchmark run ({@code --pin}): the first half of the
 * machine's CPUs (at least one) to the node, the rest to this JVM (the Flink MiniCluster, the job and the benchmark's
 * clients) and Kafka. In production the node is a cluster of its own; on one small machine the job and the node
 * otherwise take CPU from each other, and a ratio of their rates says as much about the scheduler as about either.
 *
 * <p>Uses Linux {@code taskset -a -p}, which sets every existing thread of a process; threads started later inherit
 * their creator's set. Fails loudly where {@code taskset} is missing or the machine has one CPU.
 */
public final class CorePinning {

    private CorePinning() {}

    /** Pins {@code elasticsearch} to the first half of the CPUs, this JVM and {@code others} to the rest. */
    public static String pin(ProcessHandle elasticsearch, List<ProcessHandle> others) {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2) {
            throw new IllegalStateException("--pin: needs at least 2 CPUs, this machine has " + cpus);
        }
        int nodeCpus = Math.max(1, cpus / 2);
        String node = nodeCpus == 1 ? "0" : "0-" + (nodeCpus - 1);
        String rest = nodeCpus == cpus - 1 ? String.valueOf(nodeCpus) : nodeCpus + "-" + (cpus - 1);
        taskset(node, elasticsearch.pid());
        taskset(rest, ProcessHandle.current().pid());
        for (ProcessHandle p : others) {
            taskset(rest, p.pid());
        }
        return "elasticsearch on CPU " + node + ", the job's JVM and Kafka on CPU " + rest;
    }

    private static void taskset(String cpus, long pid) {
        try {
            Process p = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("taskset -a -p -c " + cpus + " " + pid + " failed: " + out.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException("--pin: taskset could not be run (util-linux): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pinning", e);
        }
    }
}
