package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction beside the log's writer: a segment is sealed before its last group is on disk. */
class CompactionBesideTheWriterTest {
    @TempDir
    Path tmp;

    private final FaultyChannel.Plan plan = new FaultyChannel.Plan();

    /**
     * Full power-loss campaign, chain seed 20261459, round 1 (found with the power on): compaction
     * read a batch whose record the writer had not written yet, took it for damage and set the
     * acknowledged batch aside.
     */
    @Test
    void compactionReadsASegmentJustSealedOnlyOnceItsLastGroupIsWritten() throws Exception {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (LogStore inTest = StoreOpening.open(tmp, false, 4096, reports, plan.disk())) {
            inTest.put(StoreFiles.put("x", 3000), 100); // segment 1
            CountDownLatch slowDisk = new CountDownLatch(1);
            plan.stallWrites = slowDisk;
            Future<?> y = callers.submit(() -> inTest.put(StoreFiles.put("y", 100), 100)); // segment 1, in flight
            waitFor(() -> inTest.get("y").isPresent());
            Future<?> z = callers.submit(() -> inTest.put(StoreFiles.put("z", 3000), 100)); // seals segment 1
            waitFor(() -> inTest.get("z").isPresent());
            Future<?> x = callers.submit(() -> inTest.remove("x", RemovalCause.DELIVERED, "")); // segment 1 worth compacting
            waitFor(() -> inTest.get("x").isEmpty());
            callers.submit(() -> {
                Thread.sleep(300);
                slowDisk.countDown();
                return null;
            });

            inTest.compactOldest();

            for (Future<?> call : List.of(x, y, z)) {
                call.get(10, TimeUnit.SECONDS);
            }
            assertEquals(List.of(), reports.seen);
            assertEquals(Set.of("y", "z"), inTest.all().stream().map(StoredBatch::id).collect(Collectors.toSet()));
            assertTrue(inTest.readRecord("y").isPresent());
        } finally {
            callers.shutdownNow();
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
