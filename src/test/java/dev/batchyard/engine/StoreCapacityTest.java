package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's capacity and forecast: size against the caps, recent growth, time to full, expiry, segments. */
class StoreCapacityTest {
    @TempDir
    Path dir;

    @Test
    void growthCountsOnlyTheBatchesCreatedWithinTheWindowThatStillWait() {
        EngineFixture f = new EngineFixture(dir);
        try (BatchPersistence inTest = f.open()) {
            OffsetDateTime longAgo = OffsetDateTime.ofInstant(f.clock.instant().minus(Duration.ofHours(2)), ZoneOffset.UTC);
            inTest.persistBatch(new NewBatch("old", Entries.sample("old", 3), "loki", longAgo, null, 0, "", Map.of()));
            BatchView a = inTest.persistBatch("a", Entries.sample("a", 3), "loki");
            BatchView b = inTest.persistBatch("b", Entries.sample("b", 3), "loki");
            inTest.persistBatch("gone", Entries.sample("gone", 3), "loki");
            inTest.markBatchSuccess("gone");

            StoreCapacity c = inTest.capacity();

            assertEquals(2, c.recentBatches());
            assertEquals(a.storedBytes() + b.storedBytes(), c.recentBytes());
            assertEquals(3, c.batches());
            assertEquals(1000, c.maxPendingBatches());
            assertEquals(longAgo.toInstant().plus(Duration.ofHours(24)), c.oldestExpiresAt());
        }
    }

    @Test
    void timeToFullIsTheNearerCapAtTheRecentRate() {
        EngineFixture f = new EngineFixture(dir);
        f.config = new PersistenceConfig(true, f.config.directory(), 10, f.config.batchTimeout(), 10,
                f.config.recoveryBackoffBase(), f.config.recoveryBackoffMax(), f.config.cleanupInterval(), f.config.batchTtl());
        try (BatchPersistence inTest = f.open()) {
            for (int i = 0; i < 4; i++) {
                inTest.persistBatch("b-" + i, Entries.sample("b-" + i, 1), "loki");
            }

            StoreCapacity c = inTest.capacity();

            // 4 batches in 10 minutes: 6 more fill max_pending_batches in 15 minutes
            assertEquals(Duration.ofMinutes(15), c.timeToFull());
        }
    }

    @Test
    void anEmptyStoreIsNotGrowingAndHasNoOldestBatch() {
        try (BatchPersistence inTest = new EngineFixture(dir).open()) {
            StoreCapacity c = inTest.capacity();

            assertNull(c.timeToFull());
            assertNull(c.oldestExpiresAt());
            assertEquals(0, c.compactionWouldFree());
        }
    }

    @Test
    void segmentsShowTheirLiveShareAndCompactionFreesOnlySealedOnesDeadBytes() {
        EngineFixture f = new EngineFixture(dir);
        f.options = f.options.withMaxSegmentBytes(4096);
        try (BatchPersistence inTest = f.open()) {
            for (int i = 0; i < 12; i++) {
                inTest.persistBatch("b-" + i, Entries.sample("b-" + i, 5), "loki");
            }
            for (int i = 0; i < 10; i++) {
                inTest.markBatchSuccess("b-" + i);
            }

            StoreCapacity c = inTest.capacity();

            assertTrue(c.segments().size() > 1, c.segments()::toString);
            assertEquals(1, c.segments().stream().filter(StoreCapacity.Segment::active).count());
            StoreCapacity.Segment first = c.segments().get(0);
            assertTrue(first.liveRatio() < 0.5, first::toString);
            assertEquals(c.segments().stream().filter(s -> !s.active()).mapToLong(s -> s.bytes() - s.liveBytes()).sum(),
                    c.compactionWouldFree());
            assertEquals(c.segments().stream().mapToLong(StoreCapacity.Segment::bytes).sum(), c.diskBytes());
        }
    }
}
