package dev.batchyard.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.engine.BatchView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryDistributionViewModelTest {
    private final RetryDistributionViewModel inTest = new RetryDistributionViewModel(3);

    @Test
    void thereIsOneBucketPerRetryCountAndAnOpenLastOne() {
        assertEquals(List.of(new RetryBucket(0, false, 0), new RetryBucket(1, false, 0), new RetryBucket(2, false, 0),
                new RetryBucket(3, true, 0)), inTest.buckets());
    }

    @Test
    void batchesAreCountedByRetriesWithHighCountsInTheOpenBucket() {
        List<BatchView> batches = new ArrayList<>();
        int[] retries = {0, 0, 1, 2, 2, 2, 3, 7, 12};
        for (int i = 0; i < retries.length; i++) {
            batches.add(Snapshots.batch("b-" + i, "loki", retries[i]));
        }
        inTest.accept(batches);
        assertEquals(List.of(2, 1, 3, 3), inTest.buckets().stream().map(RetryBucket::batches).toList());
    }

    @Test
    void aNewSnapshotReplacesTheOldCounts() {
        inTest.accept(List.of(Snapshots.batch("a", "loki", 1), Snapshots.batch("b", "loki", 1)));
        inTest.accept(List.of(Snapshots.batch("c", "loki", 0)));
        assertEquals(List.of(1, 0, 0, 0), inTest.buckets().stream().map(RetryBucket::batches).toList());
    }
}
