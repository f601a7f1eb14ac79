package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.BatchTooLargeException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code max_batch_bytes} and {@code max_pending_bytes}: refused at persist, nothing stored dropped. */
class SizeLimitsTest {
    @TempDir
    Path tmp;

    /** The size each batch takes in a store (its record), learnt in a store of its own. */
    private long[] storedSizes(String... ids) {
        EngineFixture fx = new EngineFixture(tmp.resolve("probe"));
        try (BatchPersistence probe = fx.open()) {
            long[] sizes = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                sizes[i] = probe.persistBatch(ids[i], Entries.sample(ids[i], 100), "loki").storedBytes();
            }
            return sizes;
        }
    }

    @Test
    void aBatchOneByteOverMaxBatchBytesIsRefusedNamingItsSizeAndTheLimit() {
        long size = storedSizes("big-1")[0];
        EngineFixture fx = new EngineFixture(tmp).sizeLimits(size - 1, 1L << 30);
        try (BatchPersistence inTest = fx.open()) {
            long diskBefore = inTest.stats().diskBytes();

            BatchTooLargeException e = assertThrows(BatchTooLargeException.class,
                    () -> inTest.persistBatch("big-1", Entries.sample("big-1", 100), "loki"));

            assertEquals("big-1", e.id());
            assertEquals(size, e.bytes());
            assertEquals(size - 1, e.limit());
            assertTrue(e.getMessage().contains("max_batch_bytes") && e.getMessage().contains("'big-1'"), e.getMessage());
            assertEquals(0, inTest.stats().total());
            assertEquals(diskBefore, inTest.stats().diskBytes(), "nothing was written for it");
            assertTrue(inTest.isHealthy());
        }
    }

    @Test
    void aBatchExactlyAtMaxBatchBytesIsStored() {
        long size = storedSizes("big-1")[0];
        EngineFixture fx = new EngineFixture(tmp).sizeLimits(size, 1L << 30);
        try (BatchPersistence inTest = fx.open()) {
            assertEquals(size, inTest.persistBatch("big-1", Entries.sample("big-1", 100), "loki").storedBytes());
        }
    }

    @Test
    void persistBeyondMaxPendingBytesIsBackPressureAndKeepsWhatIsStored() {
        long[] sizes = storedSizes("p-0", "p-1", "p-2", "p-3");
        long limit = sizes[0] + sizes[1] + sizes[2] + sizes[3] - 1;
        EngineFixture fx = new EngineFixture(tmp).sizeLimits(sizes[3], limit);
        try (BatchPersistence inTest = fx.open()) {
            for (String id : List.of("p-0", "p-1", "p-2")) {
                inTest.persistBatch(id, Entries.sample(id, 100), "loki");
            }

            BackPressureException e = assertThrows(BackPressureException.class,
                    () -> inTest.persistBatch("p-3", Entries.sample("p-3", 100), "loki"));

            assertEquals("max_pending_bytes", e.limitKey());
            assertTrue(e.getMessage().contains("max_pending_bytes") && e.getMessage().contains("'p-3'")
                    && e.getMessage().contains(Long.toString(limit)), e.getMessage());
            assertEquals(Set.of("p-0", "p-1", "p-2"), ids(inTest));
        }
        try (BatchPersistence inTest = fx.open()) {
            assertThrows(BackPressureException.class, () -> inTest.persistBatch("p-3", Entries.sample("p-3", 100), "loki"),
                    "the bytes are counted again at reopen");
            inTest.markBatchSuccess("p-0");

            inTest.persistBatch("p-3", Entries.sample("p-3", 100), "loki");

            assertEquals(Set.of("p-1", "p-2", "p-3"), ids(inTest));
        }
    }

    private static Set<String> ids(BatchPersistence engine) {
        return engine.pendingBatches().stream().map(BatchView::id).collect(Collectors.toSet());
    }
}
