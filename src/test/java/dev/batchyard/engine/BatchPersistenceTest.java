package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.codec.smile.SmileEntriesCodec;
import dev.batchyard.engine.store.BackPressureException;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.engine.store.StoreLockedException;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchPersistenceTest {
    @TempDir
    Path tmp;

    @Test
    void persistedBatchIsThereAfterReopenWithItsEntries() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 100), "loki");
        }
        try (BatchPersistence inTest = fx.open()) {
            BatchView view = inTest.find("b-1").orElseThrow();
            assertEquals("loki", view.sink());
            assertEquals(BatchState.PENDING, view.state());
            assertEquals(100, view.entryCount());
            assertEquals(Entries.sample("b-1", 100), inTest.batch("b-1").orElseThrow().entries());
            assertEquals("batch_persistence", view.context().get("created_by"));
        }
    }

    @Test
    void aStoreWrittenWithTheSmileCodecOfEarlierVersionsOpensWithItsEntries() {
        EngineFixture fx = new EngineFixture(tmp);
        EngineOptions current = fx.options;
        fx.options = EngineOptions.defaults(new SmileEntriesCodec());
        try (BatchPersistence before = fx.open()) {
            before.persistBatch("old", Entries.sample("old", 20), "loki");
        }
        fx.options = current;
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("new", Entries.sample("new", 20), "loki");
            assertEquals(Entries.sample("old", 20), inTest.batch("old").orElseThrow().entries());
            assertEquals(Entries.sample("new", 20), inTest.batch("new").orElseThrow().entries());
        }
    }

    @Test
    void markBatchSuccessRemovesTheBatchForGood() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 3), "loki");
            inTest.markBatchSuccess("b-1");
            assertTrue(inTest.find("b-1").isEmpty());
        }
        try (BatchPersistence inTest = fx.open()) {
            assertTrue(inTest.find("b-1").isEmpty());
        }
    }

    @Test
    void markBatchFailedCountsTheRetryAndSchedulesBackoff() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 3), "loki");
            inTest.markBatchFailed("b-1", "503 Service Unavailable");
            BatchView second = inTest.markBatchFailed("b-1", "503 again");
            assertEquals(2, second.retryCount());
            assertEquals(BatchState.RETRY_WAIT, second.state());
            assertEquals("503 again", second.failureReason());
            assertEquals(List.of("503 Service Unavailable", "503 again"),
                    second.attempts().stream().map(Attempt::error).toList(), "each failure is in the retry history");
            // base 1s · 2^(2-1) = 2s, jitter fixed at the midpoint
            assertEquals(fx.clock.instant().plusSeconds(2), second.nextAttemptAt());
        }
        try (BatchPersistence inTest = fx.open()) {
            BatchView view = inTest.find("b-1").orElseThrow();
            assertEquals(2, view.retryCount());
            assertEquals("503 again", view.failureReason());
        }
    }

    @Test
    void exhaustingMaxRecoveryRetriesMakesTheBatchDeadButKeepsIt() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 3);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 3), "loki");
            for (int i = 0; i < 3; i++) {
                inTest.markBatchFailed("b-1", "down");
            }
            assertEquals(BatchState.DEAD, inTest.find("b-1").orElseThrow().state());
        }
        try (BatchPersistence inTest = fx.open()) {
            assertEquals(BatchState.DEAD, inTest.find("b-1").orElseThrow().state());
            assertEquals(3, inTest.batch("b-1").orElseThrow().entries().size());
        }
    }

    @Test
    void persistBeyondMaxPendingBatchesFailsFastAndKeepsWhatIsStored() {
        EngineFixture fx = new EngineFixture(tmp).limits(2, 10);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("a", Entries.sample("a", 1), "loki");
            inTest.persistBatch("b", Entries.sample("b", 1), "loki");
            BackPressureException e = assertThrows(BackPressureException.class,
                    () -> inTest.persistBatch("c", Entries.sample("c", 1), "loki"));
            assertTrue(e.getMessage().contains("max_pending_batches"), e.getMessage());
            assertEquals(Set.of("a", "b"), ids(inTest.pendingBatches()));
        }
    }

    @Test
    void persistingAnIdThatIsStoredAlreadyIsRefused() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("a", Entries.sample("a", 1), "loki");
            StoreException e = assertThrows(StoreException.class, () -> inTest.persistBatch("a", Entries.sample("a", 2), "es"));
            assertTrue(e.getMessage().contains("already"), e.getMessage());
            assertEquals(1, inTest.find("a").orElseThrow().entryCount());
        }
    }

    @Test
    void hostileBatchIdsAreRefusedWithTheReason() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            for (String bad : List.of("../etc/passwd", "a/b", "nul\u0000x", "x".repeat(10_000), "раураl", "", ".hidden")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> inTest.persistBatch(bad, Entries.sample("x", 1), "loki"));
                assertTrue(e.getMessage().startsWith("batch id"), e.getMessage());
            }
            assertEquals(0, inTest.stats().total());
        }
    }

    @Test
    void sixteenConcurrentWritersAreAllDurable() throws Exception {
        EngineFixture fx = new EngineFixture(tmp).limits(100_000, 10);
        try (BatchPersistence inTest = fx.open()) {
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        inTest.persistBatch("t" + thread + "-" + i, Entries.sample("x", 5), "loki");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        try (BatchPersistence inTest = fx.open()) {
            assertEquals(800, inTest.stats().total());
        }
    }

    @Test
    void queriesFilterByStateSinkAgeRetriesAndText() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("old-loki", Entries.sample("a", 1), "loki");
            fx.clock.advance(Duration.ofHours(2));
            inTest.persistBatch("new-es", Entries.sample("b", 1), "elasticsearch");
            inTest.markBatchFailed("new-es", "bulk rejected: mapper_parsing_exception");
            assertEquals(Set.of("new-es"), ids(inTest.query(BatchQuery.all().withStates(BatchState.RETRY_WAIT))));
            assertEquals(Set.of("old-loki"), ids(inTest.query(BatchQuery.all().withSinks("loki"))));
            assertEquals(Set.of("old-loki"), ids(inTest.query(BatchQuery.all().withOlderThan(Duration.ofHours(1)))));
            assertEquals(Set.of("new-es"), ids(inTest.query(BatchQuery.all().withMinRetries(1))));
            assertEquals(Set.of("new-es"), ids(inTest.query(BatchQuery.all().withText("MAPPER_parsing"))));
        }
    }

    @Test
    void secondOpenOfTheSameStoreIsRefusedNamingTheHolder() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence first = fx.open()) {
            StoreLockedException e = assertThrows(StoreLockedException.class, fx::open);
            assertEquals(ProcessHandle.current().pid(), e.holderPid());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
        }
    }

    @Test
    void cleanupRemovesBatchesOlderThanTheTtlWithAnEventEach() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            EventSubscription events = inTest.subscribe(100);
            inTest.persistBatch("old", Entries.sample("a", 1), "loki");
            fx.clock.advance(Duration.ofHours(23));
            inTest.persistBatch("young", Entries.sample("b", 1), "loki");
            fx.clock.advance(Duration.ofHours(2));
            CleanupReport report = inTest.runCleanupNow();
            assertEquals(List.of("old"), report.expiredIds());
            assertEquals(Set.of("young"), ids(inTest.pendingBatches()));
            List<BatchEvent> seen = events.drain();
            assertTrue(seen.stream().anyMatch(e -> e instanceof BatchEvent.Expired x && x.id().equals("old")));
            assertTrue(seen.stream().anyMatch(e -> e instanceof BatchEvent.CleanupPass p && p.expired() == 1));
        }
        try (BatchPersistence inTest = fx.open()) {
            assertEquals(Set.of("young"), ids(inTest.pendingBatches()));
        }
    }

    @Test
    void storeStatsCountByStateAndSink() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("a", Entries.sample("a", 4), "loki");
            inTest.persistBatch("b", Entries.sample("b", 6), "splunk");
            inTest.markBatchFailed("b", "x");
            StoreStats stats = inTest.stats();
            assertEquals(1, stats.count(BatchState.PENDING));
            assertEquals(1, stats.count(BatchState.RETRY_WAIT));
            assertEquals(10, stats.entries());
            assertEquals(1, stats.bySink().get("splunk"));
            assertTrue(stats.diskBytes() >= stats.liveBytes() && stats.liveBytes() > 0);
            assertTrue(stats.healthy());
            assertFalse(stats.recoveryPaused());
        }
    }

    static Set<String> ids(List<BatchView> views) {
        return Set.copyOf(views.stream().map(BatchView::id).toList());
    }
}
