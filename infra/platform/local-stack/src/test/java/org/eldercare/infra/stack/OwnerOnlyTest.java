package org.eldercare.infra.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path tmp;

    @Test
    void createsMissingDirectoriesOwnerOnly() throws Exception {
        Path dir = OwnerOnly.directory(tmp.resolve("data/kafka"));

        assertThat(permissions(dir)).isEqualTo("rwx------");
        assertThat(permissions(dir.getParent())).isEqualTo("rwx------");
    }

    @Test
    void tightensAnExistingWorldReadableDirectory() throws Exception {
        Path dir = Files.createDirectory(
                tmp.resolve("data"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

        OwnerOnly.directory(dir);

        assertThat(permissions(dir)).isEqualTo("rwx------");
    }

    private static String permissions(Path dir) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(dir));
    }
}
