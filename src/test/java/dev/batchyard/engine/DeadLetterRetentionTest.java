package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dead batches are kept apart: their own retention and cap, and every removal audited. */
class DeadLetterRetentionTest {
    @TempDir
    Path tmp;

    private static void kill(BatchPersistence engine, String id) {
        for (int i = 0; i < engine.config().maxRecoveryRetries(); i++) {
            engine.markBatchFailed(id, "down");
        }
    }

    private static List<AuditRecord> audit(EngineFixture fx, Predicate<AuditRecord> wanted) {
        return new AuditLog(fx.config.directory()).read(0, 1000, wanted).records();
    }

    @Test
    void aDeadBatchSurvivesACleanupPassPastBatchTtl() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 2);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("dead", Entries.sample("d", 2), "loki");
            kill(inTest, "dead");
            inTest.persistBatch("live", Entries.sample("l", 2), "loki");
            fx.clock.advance(fx.config.batchTtl().plusHours(1));

            CleanupReport report = inTest.runCleanupNow();

            assertEquals(List.of("live"), report.expiredIds());
            assertEquals(BatchState.DEAD, inTest.find("dead").orElseThrow().state());
        }
    }

    @Test
    void deadBatchTtlRemovesBatchesDeadForLongerThanItCountedFromTheirLastAttempt() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        fx.config = fx.config.withDeadLetters(Duration.ofDays(30), PersistenceConfig.NO_CAP);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("old", Entries.sample("o", 1), "loki");
            fx.clock.advance(Duration.ofDays(10));
            kill(inTest, "old");
            inTest.persistBatch("young", Entries.sample("y", 1), "loki");
            fx.clock.advance(Duration.ofDays(20));
            kill(inTest, "young");
            fx.clock.advance(Duration.ofDays(11)); // old: dead 31 days (created 41 ago); young: dead 11 days

            assertEquals(List.of("old"), inTest.runCleanupNow().expiredIds());
            assertEquals(Set.of("young"), Set.copyOf(inTest.pendingBatches().stream().map(BatchView::id).toList()));
        }
    }

    @Test
    void overMaxDeadBatchesThePassRemovesTheDeadThatDiedLongestAgo() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        fx.config = fx.config.withDeadLetters(PersistenceConfig.KEEP, 2);
        try (BatchPersistence inTest = fx.open()) {
            for (String id : List.of("d1", "d2", "d3", "d4")) {
                inTest.persistBatch(id, Entries.sample(id, 1), "loki");
                kill(inTest, id);
                fx.clock.advance(Duration.ofMinutes(1));
            }
            inTest.persistBatch("pending", Entries.sample("p", 1), "loki");

            assertEquals(List.of("d1", "d2"), inTest.runCleanupNow().expiredIds());
            assertEquals(Set.of("d3", "d4", "pending"),
                    Set.copyOf(inTest.pendingBatches().stream().map(BatchView::id).toList()));
        }
    }

    @Test
    void aCleanupPassThatRemovesBatchesWritesOneAuditLineNamingEachAndItsRule() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        fx.config = fx.config.withDeadLetters(PersistenceConfig.KEEP, 1);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("d1", Entries.sample("a", 1), "loki");
            kill(inTest, "d1");
            inTest.persistBatch("d2", Entries.sample("b", 1), "loki");
            kill(inTest, "d2");
            inTest.persistBatch("old", Entries.sample("c", 1), "loki");
            fx.clock.advance(Duration.ofHours(25));

            inTest.runCleanupNow();
        }
        List<AuditRecord> lines = audit(fx, r -> r.action().equals("expire"));
        assertEquals(1, lines.size(), "one line per pass");
        AuditRecord line = lines.get(0);
        assertEquals("policy:cleanup", line.actor());
        assertEquals(List.of("old", "d1"), line.ids()); // the ttl's removals first, then the cap's
        assertEquals(List.of("batch_ttl", "max_dead_batches"),
                line.results().stream().map(r -> r.message().replace("expired by ", "")).toList());
    }

    @Test
    void aPassThatRemovesNothingWritesNoExpireLineButAnOperatorsRunIsAudited() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("young", Entries.sample("y", 1), "loki");
            inTest.runCleanupNow(new dev.batchyard.model.Actor("ana"));
        }
        assertTrue(audit(fx, r -> r.action().equals("expire")).isEmpty());
        List<AuditRecord> runs = audit(fx, r -> r.action().equals("run-cleanup"));
        assertEquals(1, runs.size());
        assertEquals("ana", runs.get(0).actor());
    }

    @Test
    void deadBatchesLeftByTheCapAreGoneAfterReopen() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        fx.config = fx.config.withDeadLetters(PersistenceConfig.KEEP, 1);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("d1", Entries.sample("a", 1), "loki");
            kill(inTest, "d1");
            fx.clock.advance(Duration.ofSeconds(1));
            inTest.persistBatch("d2", Entries.sample("b", 1), "loki");
            kill(inTest, "d2");
            inTest.runCleanupNow();
        }
        try (BatchPersistence inTest = fx.open()) {
            assertEquals(List.of("d2"), inTest.pendingBatches().stream().map(BatchView::id).toList());
        }
    }
}
