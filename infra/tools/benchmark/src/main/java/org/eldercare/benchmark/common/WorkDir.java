package org.eldercare.benchmark.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh directory for one benchmark run's data (Kafka logs, Elasticsearch data, checkpoints), under {@code
 * java.io.tmpdir}; deleted on {@link #close()} unless kept, so runs never see each other's state.
 */
public final class WorkDir implements AutoCloseable {

    private final Path path;
    private final boolean keep;

    private WorkDir(Path path, boolean keep) {
        this.path = path;
        this.keep = keep;
    }

    public static WorkDir create(String name, boolean keep) {
        try {
            return new WorkDir(Files.createTempDirectory("eldercare-bench-" + name + "-"), keep);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    public Path path() {
        return path;
    }

    public Path resolve(String child) {
        return path.resolve(child);
    }

    /** Bytes of every regular file under {@code dir}. */
    public static long sizeOf(Path dir) {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // deleted while we walked: a checkpoint being subsumed
                        }
                    })
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        if (keep) {
            System.out.println("[bench] data kept in " + path);
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("[bench] could not delete " + path + ": " + e.getMessage());
        }
    }
}
