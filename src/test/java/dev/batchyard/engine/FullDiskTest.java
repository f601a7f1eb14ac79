package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.batchyard.engine.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: a 2 MiB tmpfs. Needs permission to mount (root on Linux, as in CI); skipped with
 * a message elsewhere.
 */
class FullDiskTest {
    @TempDir
    Path tmp;
    private Path mountPoint;

    private boolean mountSmallDisk() throws Exception {
        mountPoint = tmp.resolve("small-disk");
        Files.createDirectories(mountPoint);
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mountPoint.toString())
                    .redirectErrorStream(true).start();
            return mount.waitFor(20, TimeUnit.SECONDS) && mount.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (mountPoint != null) {
            new ProcessBuilder("umount", mountPoint.toString()).start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskRefusesTheBatchWithTheReasonAndKeepsEveryAcknowledgedOne() throws Exception {
        assumeTrue(mountSmallDisk(), "cannot mount a tmpfs here (needs root); the full-disk test is skipped");
        PersistenceConfig config = PersistenceConfig.defaults(mountPoint.resolve("store"));
        Set<String> acknowledged = new HashSet<>();
        String failure = null;
        try (BatchPersistence inTest = BatchPersistence.open(config, Delivery.none(), Clock.systemUTC())) {
            for (int i = 0; i < 10_000 && failure == null; i++) {
                try {
                    inTest.persistBatch("b" + i, Entries.sample("b" + i, 100), "loki");
                    acknowledged.add("b" + i);
                } catch (StoreException e) {
                    failure = e.getMessage();
                }
            }
            assertTrue(failure != null && failure.contains("No space left on device"), String.valueOf(failure));
            assertFalse(inTest.isHealthy());
            assertTrue(inTest.healthProblem().contains("No space left on device"), inTest.healthProblem());
        }
        try (BatchPersistence reopened = BatchPersistence.open(config, Delivery.none(), Clock.systemUTC())) {
            Set<String> present = new HashSet<>();
            reopened.pendingBatches().forEach(v -> present.add(v.id()));
            assertEquals(acknowledged, present);
            for (String id : acknowledged) {
                assertEquals(100, reopened.batch(id).orElseThrow().entries().size());
            }
        }
    }
}
