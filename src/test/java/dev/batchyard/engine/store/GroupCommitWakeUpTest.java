package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads putting at once, each waiting for its own group commit ({@link SegmentLog} wakes
 * only the threads of the group it committed): every put is answered, none waits for a commit that
 * already happened, and every answered batch reads back after a reopen. Small segments, so groups
 * also span rolls.
 */
class GroupCommitWakeUpTest {
    private static final long SEGMENT = 64 * 1024;
    private static final int THREADS = 16;
    private static final int PUTS = 300;

    @TempDir
    Path tmp;

    @Test
    void sixteenThreadsPuttingAtOnceAreEachAnsweredAndKept() throws Exception {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(THREADS);
        try (LogStore store = LogStore.open(tmp, false, SEGMENT, new StoreFiles.Reports())) {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Thread putter = new Thread(() -> {
                    try {
                        for (int i = 0; i < PUTS; i++) {
                            String id = "t" + thread + "-" + i;
                            store.put(StoreFiles.put(id, 300), Integer.MAX_VALUE);
                            answered.add(id);
                        }
                    } catch (Throwable e) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    } finally {
                        done.countDown();
                    }
                }, "putter-" + t);
                putter.setDaemon(true);
                putter.start();
            }
            // a lost wake-up leaves a putter parked for ever: the test fails here instead of hanging
            assertTrue(done.await(120, TimeUnit.SECONDS), "every putter answered; answered so far: " + answered.size());
        }
        assertEquals(List.of(), failures);
        assertEquals(THREADS * PUTS, answered.size());
        try (LogStore again = LogStore.open(tmp, false, SEGMENT, new StoreFiles.Reports())) {
            assertEquals(answered, again.all().stream().map(StoredBatch::id).collect(Collectors.toSet()));
        }
    }
}
