package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's own files are its owner's alone: every directory 0700, every file 0600. */
class StorePermissionsTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aStoreCreatedByImportGoIsReadableByItsOwnerOnly() throws IOException {
        Path store = tmp.resolve("store");
        CliHarness.Run run = new CliHarness(store).onStore("import-go", Samples.goDirectory(tmp.resolve("go")).toString());
        assertEquals(0, run.code(), run::toString);

        assertEquals(ownerOnly(store), modes(store));
    }

    /** Every path under {@code root} (itself included) with its permissions, e.g. {@code rw-------}. */
    static Map<String, String> modes(Path root) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                modes.put(root.relativize(p).toString(), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            }
        }
        return modes;
    }

    /** What {@link #modes} must say: the same paths, directories rwx------, files rw-------. */
    static Map<String, String> ownerOnly(Path root) throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                expected.put(root.relativize(p).toString(), Files.isDirectory(p) ? "rwx------" : "rw-------");
            }
        }
        return expected;
    }
}
