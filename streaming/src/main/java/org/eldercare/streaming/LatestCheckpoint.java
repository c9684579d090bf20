package org.eldercare.streaming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the newest completed checkpoint (a {@code chk-N/_metadata} file) under a local checkpoint
 * directory, so a restarted process resumes from it: same state, same Kafka offsets.
 */
public final class LatestCheckpoint {

    private LatestCheckpoint() {}

    public static Optional<Path> under(String checkpointDir) {
        Path root = checkpointDir.startsWith("file:") ? Path.of(URI.create(checkpointDir)) : Path.of(checkpointDir);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root, 3)) {
            return files.filter(p -> p.getFileName().toString().equals("_metadata"))
                    .filter(p -> p.getParent().getFileName().toString().startsWith("chk-"))
                    .max(Comparator.comparing(LatestCheckpoint::modified))
                    .map(Path::getParent);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint.dir: cannot be listed: " + root, e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
