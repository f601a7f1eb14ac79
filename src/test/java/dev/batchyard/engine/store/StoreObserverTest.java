package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log tells its observer how long forces and group commits take, and nothing an observer does can stop a commit. */
class StoreObserverTest {
    @TempDir
    Path tmp;

    @Test
    void everyCommitIsReportedWithItsForceAndWait() {
        List<long[]> commits = new CopyOnWriteArrayList<>();
        List<Long> forces = new CopyOnWriteArrayList<>();
        StoreObserver inTest = new StoreObserver() {
            @Override
            public void synced(long nanos) {
                forces.add(nanos);
            }

            @Override
            public void committed(int frames, long bytes, long oldestWaitNanos, long newestWaitNanos) {
                commits.add(new long[]{frames, bytes, oldestWaitNanos, newestWaitNanos});
            }
        };
        try (LogStore store = LogStore.open(tmp, false, 1 << 20, new StoreFiles.Reports(), inTest)) {
            store.put(StoreFiles.put("a", 100), 10);
            store.put(StoreFiles.put("b", 100), 10);
        }

        assertEquals(2, commits.stream().mapToLong(c -> c[0]).sum(), "two records committed");
        assertTrue(commits.stream().allMatch(c -> c[1] > 100 && c[2] >= c[3] && c[3] > 0), "bytes and waits");
        assertTrue(forces.size() >= commits.size() && forces.stream().allMatch(n -> n > 0), forces.toString());
    }

    @Test
    void anObserverThatThrowsDoesNotStopTheLog() {
        StoreObserver broken = new StoreObserver() {
            @Override
            public void synced(long nanos) {
                throw new IllegalStateException("broken metrics");
            }

            @Override
            public void committed(int frames, long bytes, long oldestWaitNanos, long newestWaitNanos) {
                throw new IllegalStateException("broken metrics");
            }
        };
        try (LogStore store = LogStore.open(tmp, false, 1 << 20, new StoreFiles.Reports(), broken)) {
            store.put(StoreFiles.put("a", 100), 10);
            store.put(StoreFiles.put("b", 100), 10);

            assertTrue(store.healthy());
        }
        try (LogStore reopened = LogStore.open(tmp, false, 1 << 20, new StoreFiles.Reports())) {
            assertEquals(2, reopened.size());
        }
    }

    @Test
    void aDuplicateIdIsRefusedWithItsOwnException() {
        try (LogStore store = LogStore.open(tmp, false, 1 << 20, new StoreFiles.Reports())) {
            store.put(StoreFiles.put("a", 100), 10);

            DuplicateBatchException e = assertThrows(DuplicateBatchException.class,
                    () -> store.put(StoreFiles.put("a", 100), 10));

            assertEquals("a", e.id());
        }
    }
}
