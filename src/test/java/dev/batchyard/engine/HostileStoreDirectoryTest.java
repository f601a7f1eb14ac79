package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreLockedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability suite, hostile input: store directories that cannot be one. Each open fails with a
 * message that names the path and says what is wrong in words (no bare exception class name), and
 * a failed open leaves nothing behind: not the lock, not a half-made store.
 */
class HostileStoreDirectoryTest {
    @TempDir
    Path tmp;

    private static BatchPersistence open(Path store) {
        return BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), Clock.systemUTC());
    }

    private static BatchPersistence openReadOnly(Path store) {
        return BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), Clock.systemUTC(),
                EngineOptions.defaults().withReadOnly(true));
    }

    private static void assertPlainWords(StoreException e) {
        assertFalse(e.getMessage().contains("Exception"), "no exception class names: " + e.getMessage());
    }

    @Test
    void aStoreDirectoryThatIsAFileIsRefusedSayingSo() throws Exception {
        Path file = Files.writeString(tmp.resolve("store"), "precious notes");

        StoreException e = assertThrows(StoreException.class, () -> open(file));

        assertEquals("cannot open store " + file + ": " + file + " is a file, not a directory", e.getMessage());
        assertEquals("precious notes", Files.readString(file), "the file is left as it was");
    }

    @Test
    void aStoreDirectoryThatIsAFileIsRefusedReadOnlyToo() throws Exception {
        Path file = Files.writeString(tmp.resolve("store"), "x");

        StoreException e = assertThrows(StoreException.class, () -> openReadOnly(file));

        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("is a file"), e.getMessage());
    }

    @Test
    void aStoreBelowAFileNamesTheFileInTheWay() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        Path store = file.resolve("store");

        StoreException e = assertThrows(StoreException.class, () -> open(store));

        assertTrue(e.getMessage().contains("cannot create " + store + ": " + file + " is a file, not a directory"),
                e.getMessage());
    }

    @Test
    void missingParentsAreCreatedAsTheAppsDefaultStoreNeeds() {
        Path store = tmp.resolve("home/.local/share/batchyard/store");

        try (BatchPersistence engine = open(store)) {
            engine.persistBatch("a-1", Entries.sample("a-1", 1), "loki");
        }

        assertTrue(Files.isDirectory(store.resolve("segments")));
        try (BatchPersistence engine = open(store)) {
            assertTrue(engine.find("a-1").isPresent());
        }
    }

    /** /proc refuses new directories to everyone, root included (this suite runs as root in CI). */
    @Test
    void aDirectoryTheKernelWillNotCreateIsNamedWithoutABareException() {
        Path store = Path.of("/proc", "batchyard-store-" + ProcessHandle.current().pid());
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");

        StoreException e = assertThrows(StoreException.class, () -> open(store));

        assertTrue(e.getMessage().startsWith("cannot open store " + store + ": "), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be created"), e.getMessage());
        assertPlainWords(e);
    }

    /** A directory the kernel will not write into, even for root: an existing /proc directory. */
    @Test
    void anUnwritableStoreDirectoryIsRefusedNamingWhatCouldNotBeWritten() {
        Path store = Path.of("/proc/self/fdinfo");
        Assumptions.assumeTrue(Files.isDirectory(store), "needs Linux /proc");

        StoreException e = assertThrows(StoreException.class, () -> open(store));

        assertTrue(e.getMessage().startsWith("cannot open store " + store + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(store.toString()), e.getMessage());
        assertPlainWords(e);
    }

    /** The same with file permissions, where they bind (not for root: the kernel lets root write anyway). */
    @Test
    void aStoreDirectoryWithoutWritePermissionIsRefusedAsPermissionDenied() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root ignores file permissions; the /proc cases above cover the failure path for root");
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            StoreException e = assertThrows(StoreException.class, () -> open(locked.resolve("store")));

            assertTrue(e.getMessage().contains("permission denied: " + locked.resolve("store")), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aSegmentsEntryThatIsAFileIsNamed() throws Exception {
        Path store = Files.createDirectories(tmp.resolve("store"));
        Files.writeString(store.resolve("segments"), "x");

        StoreException e = assertThrows(StoreException.class, () -> open(store));

        assertTrue(e.getMessage().contains(store.resolve("segments") + " exists but is not a directory"), e.getMessage());
    }

    @Test
    void aLockFileThatIsADirectoryIsNamedAndNothingIsLeftLocked() throws Exception {
        Path store = tmp.resolve("store");
        try (BatchPersistence engine = open(store)) {
            engine.persistBatch("kept", Entries.sample("kept", 2), "loki");
        }
        Files.delete(store.resolve("store.lock"));
        Files.createDirectory(store.resolve("store.lock"));

        StoreException e = assertThrows(StoreException.class, () -> open(store));

        assertTrue(e.getMessage().startsWith("cannot lock store " + store + ": " + store.resolve("store.lock")),
                e.getMessage());
        assertPlainWords(e);
        Files.delete(store.resolve("store.lock"));
        try (BatchPersistence engine = open(store)) {
            assertEquals(2, engine.find("kept").orElseThrow().entryCount(), "nothing lost");
        }
    }

    @Test
    void anAuditLogThatCannotBeOpenedFailsTheOpenAndReleasesTheLock() throws Exception {
        Path store = tmp.resolve("store");
        try (BatchPersistence engine = open(store)) {
            engine.persistBatch("kept", Entries.sample("kept", 1), "loki");
        }
        Files.deleteIfExists(store.resolve("audit.log"));
        Files.createDirectory(store.resolve("audit.log"));

        StoreException first = assertThrows(StoreException.class, () -> open(store));
        StoreException again = assertThrows(StoreException.class, () -> open(store));

        assertTrue(first.getMessage().contains(store.resolve("audit.log").toString()), first.getMessage());
        assertFalse(again instanceof StoreLockedException, "the failed open let go of the lock: " + again.getMessage());
        Files.delete(store.resolve("audit.log"));
        try (BatchPersistence engine = open(store)) {
            assertTrue(engine.find("kept").isPresent());
        }
    }

    @Test
    void aSecondOpenInTheSameProcessSaysItIsThisProcess() {
        Path store = tmp.resolve("store");
        try (BatchPersistence first = open(store)) {
            StoreLockedException e = assertThrows(StoreLockedException.class, () -> open(store));

            assertTrue(e.getMessage().contains("already open in this process (pid " + ProcessHandle.current().pid()
                    + ")"), e.getMessage());
            assertFalse(e.getMessage().contains("another process"), e.getMessage());
        }
    }

    @Test
    void aReadOnlyOpenOfAnEmptyDirectoryCreatesNothing() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        StoreException e = assertThrows(StoreException.class, () -> openReadOnly(empty));

        assertTrue(e.getMessage().contains("no Batchyard store at " + empty), e.getMessage());
        try (var left = Files.list(empty)) {
            assertEquals(Set.of(), Set.copyOf(left.toList()));
        }
    }
}
