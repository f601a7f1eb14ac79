package dev.batchyard.app.batches;

import static dev.batchyard.app.batches.Batches.T0;
import static dev.batchyard.app.batches.Batches.failing;
import static dev.batchyard.app.batches.Batches.pending;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.MutableClock;
import org.junit.jupiter.api.Test;

/** The charts' retry spread is counted by the store, whichever way is cheaper for it. */
class BatchSourceTest {
    private final InMemoryBatchSource store = new InMemoryBatchSource(new MutableClock(T0));

    @Test
    void fewRetriedBatchesAreWalkedAndCountedIntoTheirBuckets() {
        store.put(pending("a", "loki"), pending("b", "loki"), failing("c", "loki", 1, "503"),
                failing("d", "loki", 3, "503"), failing("e", "loki", 12, "503"), failing("f", "loki", 5, "503"));

        assertArrayEquals(new int[] {2, 1, 0, 1, 0, 2}, store.retryCounts(5), "the last bucket holds 5 and over");
        assertTrue(store.counts <= 2, "two counts and a walk, not one count a bucket: " + store.counts);
    }

    @Test
    void manyRetriedBatchesAreCountedABucketAtATime() {
        for (int i = 0; i < BatchSource.WALK_PAGE + 12; i++) {
            store.put(failing("r-" + i, "loki", 1 + i % 4, "503"));
        }
        store.put(pending("a", "loki"));
        int quarter = (BatchSource.WALK_PAGE + 12) / 4;

        assertArrayEquals(new int[] {1, quarter, quarter, quarter + quarter}, store.retryCounts(3));
    }
}
