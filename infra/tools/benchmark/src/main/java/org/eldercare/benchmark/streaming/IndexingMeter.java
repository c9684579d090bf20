package org.eldercare.benchmark.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the index operations Elasticsearch has done on a few indexes ({@code _stats/indexing}, {@code index_total}
 * of the primaries, real time: no refresh involved) every {@value #POLL_MILLIS} ms on a thread of its own, or as
 * often as {@link #pollEvery} says: a stats request costs the node and this JVM CPU, which a long phase measured to a
 * few hundred milliseconds need not take from what it measures. A rate is
 * then read off the samples the same way for every index, whoever wrote to it: operations between the first sample
 * that shows any and the first that shows the last, divided by the time between those two samples.
 */
final class IndexingMeter implements AutoCloseable {

    static final int POLL_MILLIS = 20;

    /** One sample: when, and the operations per index (in the order the meter was given them). */
    record Sample(long nanos, long[] operations) {}

    /** Operations on one index over a stretch of samples, and the rate between the first and last change. */
    record Rate(long operations, long first, long last, long fromNanos, long toNanos) {
        double seconds() {
            return (toNanos - fromNanos) / 1e9;
        }

        double perSecond() {
            return toNanos > fromNanos ? (last - first) / seconds() : Double.NaN;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI stats;
    private final List<String> indexes;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread poller;
    private volatile long pollMillis = POLL_MILLIS;

    IndexingMeter(String elasticsearchUrl, List<String> indexes) {
        this.indexes = List.copyOf(indexes);
        this.stats = URI.create(elasticsearchUrl)
                .resolve("/" + String.join(",", indexes) + "/_stats/indexing?level=indices&ignore_unavailable=true");
        this.poller = Thread.ofPlatform().daemon().name("indexing-meter").start(this::poll);
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long[] now = read();
                if (now != null) {
                    synchronized (samples) {
                        samples.add(new Sample(System.nanoTime(), now));
                    }
                }
                Thread.sleep(pollMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long[] read() throws InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(stats).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode byIndex = json.readTree(response.body()).path("indices");
            long[] operations = new long[indexes.size()];
            for (int i = 0; i < operations.length; i++) {
                operations[i] = byIndex.path(indexes.get(i))
                        .path("primaries")
                        .path("indexing")
                        .path("index_total")
                        .asLong(0);
            }
            return operations;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return null;
        }
    }

    /** Samples every {@code interval} from the next sample on. */
    void pollEvery(Duration interval) {
        pollMillis = Math.max(1, interval.toMillis());
    }

    /** The latest operations on {@code index}; 0 before the first sample. */
    long latest(String index) {
        int i = indexes.indexOf(index);
        synchronized (samples) {
            return samples.isEmpty() ? 0 : samples.getLast().operations()[i];
        }
    }

    /** Waits until {@code index} has seen no new operation for {@code quiet}; false when {@code timeout} ran out. */
    boolean awaitQuiet(String index, Duration quiet, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long value = latest(index);
        long since = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(pollMillis);
            long now = latest(index);
            if (now != value) {
                value = now;
                since = System.nanoTime();
            } else if (value > 0 && System.nanoTime() - since >= quiet.toNanos()) {
                return true;
            }
        }
        return false;
    }

    /** The rate of {@code index} over the samples taken from {@code fromNanos} to {@code toNanos}. */
    Rate rate(String index, long fromNanos, long toNanos) {
        int i = indexes.indexOf(index);
        List<Sample> window;
        synchronized (samples) {
            window = samples.stream()
                    .filter(s -> s.nanos() >= fromNanos && s.nanos() <= toNanos)
                    .toList();
        }
        if (window.isEmpty()) {
            return new Rate(0, 0, 0, 0, 0);
        }
        long base = window.getFirst().operations()[i];
        long end = window.getLast().operations()[i];
        Sample first = null;
        Sample last = null;
        for (Sample s : window) {
            long v = s.operations()[i];
            if (first == null && v > base) {
                first = s;
            }
            if (last == null && v == end) {
                last = s;
            }
        }
        if (first == null || last == null || last.nanos() <= first.nanos()) {
            return new Rate(end - base, 0, 0, 0, 0);
        }
        return new Rate(end - base, first.operations()[i] - base, end - base, first.nanos(), last.nanos());
    }

    /**
     * As {@link #rate}, from the first sample that shows {@code skip} (0 to 1) of the window's operations done: the
     * rate once the writer has warmed up (the job started, its JVM compiled its hot code), which is what it sustains.
     */
    Rate steadyRate(String index, long fromNanos, long toNanos, double skip) {
        Rate whole = rate(index, fromNanos, toNanos);
        if (whole.toNanos() <= whole.fromNanos()) {
            return whole;
        }
        int i = indexes.indexOf(index);
        long base = valueAt(i, whole.fromNanos()) - whole.first(); // the window's first sample
        long threshold = base + (long) Math.ceil(skip * whole.operations());
        Sample from = null;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() >= whole.fromNanos() && s.nanos() <= whole.toNanos() && s.operations()[i] >= threshold) {
                    from = s;
                    break;
                }
            }
        }
        if (from == null || from.nanos() >= whole.toNanos()) {
            return whole;
        }
        long fromOps = from.operations()[i] - base;
        return new Rate(whole.last() - fromOps, fromOps, whole.last(), from.nanos(), whole.toNanos());
    }

    private long valueAt(int index, long nanos) {
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() == nanos) {
                    return s.operations()[index];
                }
            }
        }
        throw new IllegalStateException("no sample at " + nanos);
    }

    @Override
    public void close() throws InterruptedException {
        poller.interrupt();
        poller.join();
    }
}
