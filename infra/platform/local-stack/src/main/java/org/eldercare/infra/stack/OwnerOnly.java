package org.eldercare.infra.stack;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories only their owner may list, read or enter (0700). The data dir holds personal data (the Kafka log of
 * raw events, the Elasticsearch indexes, Flink state), so neither it nor its parts may be readable by other users of
 * the machine; an existing directory is tightened, since the nodes' own files follow the umask.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    /** Creates {@code dir} (and missing parents) owner-only, or makes an existing one owner-only. */
    public static Path directory(Path dir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix && !Files.getPosixFilePermissions(dir).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
        }
        return dir;
    }
}
