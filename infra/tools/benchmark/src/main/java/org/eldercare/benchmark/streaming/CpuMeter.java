package org.eldercare.benchmark.streaming;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time of the processes of a run, read every {@value #EVERY_MILLIS} ms on a thread of its own: the Elasticsearch
 * node and the Kafka broker (child JVMs of this one, found by their main class) and this JVM (the Flink MiniCluster
 * with the job, and the benchmark's own threads). Between two moments it says who used the cores.
 */
final class CpuMeter implements AutoCloseable {

    static final int EVERY_MILLIS = 200;

    /** CPU seconds of each process at one moment. */
    record Reading(long nanos, double elasticsearch, double kafka, double benchmark) {}

    private final List<Reading> readings = new ArrayList<>();
    private final Optional<ProcessHandle> elasticsearch = child("ElasticsearchNodeMain");
    private final Optional<ProcessHandle> kafka = child("KafkaNodeMain");
    private final Thread sampler;

    CpuMeter() {
        this.sampler = Thread.ofPlatform().daemon().name("cpu-meter").start(this::sample);
    }

    private void sample() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Reading r = new Reading(
                        System.nanoTime(),
                        seconds(elasticsearch),
                        seconds(kafka),
                        seconds(Optional.of(ProcessHandle.current())));
                synchronized (readings) {
                    readings.add(r);
                }
                Thread.sleep(EVERY_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code CPU over x s: Elasticsearch a cores, job JVM b, Kafka c} between the readings nearest the two moments. */
    String between(long fromNanos, long toNanos) {
        Reading from = nearest(fromNanos);
        Reading to = nearest(toNanos);
        if (from == null || to == null || to.nanos() <= from.nanos()) {
            return "not measured";
        }
        double wall = (to.nanos() - from.nanos()) / 1e9;
        return String.format(
                Locale.ROOT,
                "over %.1f s: Elasticsearch %.2f cores, job JVM (MiniCluster + benchmark) %.2f, Kafka %.2f",
                wall,
                (to.elasticsearch() - from.elasticsearch()) / wall,
                (to.benchmark() - from.benchmark()) / wall,
                (to.kafka() - from.kafka()) / wall);
    }

    private Reading nearest(long nanos) {
        synchronized (readings) {
            return readings.stream()
                    .min(Comparator.comparingLong(r -> Math.abs(r.nanos() - nanos)))
                    .orElse(null);
        }
    }

    /** This JVM's child process whose command line names {@code mainClass} (a stack node), if it runs. */
    static Optional<ProcessHandle> child(String mainClass) {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(mainClass))
                .findFirst();
    }

    private static double seconds(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration())
                        .map(Duration::toNanos)
                        .orElse(0L)
                / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join();
    }
}
