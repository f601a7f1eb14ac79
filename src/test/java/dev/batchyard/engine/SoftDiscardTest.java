package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.ChildJvm;
import dev.batchyard.engine.ActionResult.Reason;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A discard is soft: gone from every view at once, kept durably for discard_grace, restorable, then purged. */
class SoftDiscardTest {
    private static final Actor ANA = new Actor("ana");
    @TempDir
    Path tmp;

    private BatchPersistence open(Path store, MutableClock clock) {
        return BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), clock);
    }

    /** Runs {@link DiscardingChild} until its discard returned, then kills it with SIGKILL. */
    private Path discardThenKill() throws Exception {
        Path store = tmp.resolve("store");
        Process child = ChildJvm.of(DiscardingChild.class, store.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("DISCARDED", out.readLine());
        } finally {
            child.destroyForcibly(); // SIGKILL on Linux
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        return store;
    }

    @Test
    void aDiscardedBatchSurvivesKillNineInsideItsGraceAndIsRestorableAfterReopen() throws Exception {
        Path store = discardThenKill();
        try (BatchPersistence inTest = open(store, new MutableClock(Instant.now().plusSeconds(60)))) {
            assertTrue(inTest.find("thrown").isEmpty(), "out of every view");
            assertEquals(List.of("kept"), inTest.pendingBatches().stream().map(BatchView::id).toList());
            assertEquals(List.of("thrown"), inTest.discarded().stream().map(d -> d.batch().id()).toList());
            assertEquals("wrong tenant", inTest.discarded().get(0).reason());

            List<ActionResult> results = inTest.restore(List.of("thrown"), ANA);

            assertEquals(Reason.RESTORED, results.get(0).reason());
            assertEquals(BatchState.PENDING, inTest.find("thrown").orElseThrow().state());
            assertEquals(3, inTest.batch("thrown").orElseThrow().entries().size());
        }
    }

    @Test
    void pastItsGraceADiscardedBatchCannotBeRestoredAndTheCleanupPurgesIt() throws Exception {
        Path store = discardThenKill();
        MutableClock clock = new MutableClock(Instant.now().plus(PersistenceConfig.DEFAULT_DISCARD_GRACE).plusSeconds(60));
        try (BatchPersistence inTest = open(store, clock)) {
            ActionResult late = inTest.restore(List.of("thrown"), ANA).get(0);
            assertEquals(Reason.PAST_GRACE, late.reason());
            assertTrue(late.message().contains("discard_grace PT15M"), late.message());
            assertTrue(inTest.discarded().isEmpty(), "no longer offered for restore");

            assertEquals(List.of("thrown"), inTest.runCleanupNow().expiredIds());
            assertEquals(Reason.NO_SUCH_BATCH, inTest.restore(List.of("thrown"), ANA).get(0).reason());
        }
        try (BatchPersistence inTest = open(store, clock)) {
            assertEquals(Reason.NO_SUCH_BATCH, inTest.restore(List.of("thrown"), ANA).get(0).reason());
            assertEquals(List.of("kept"), inTest.pendingBatches().stream().map(BatchView::id).toList());
        }
    }

    @Test
    void aDiscardedBatchIsNeitherSentNorCountedNorExpiredByBatchTtl() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.pauseRecovery(ANA);
            inTest.persistBatch("thrown", Entries.sample("t", 1), "loki");
            inTest.discard(List.of("thrown"), "", ANA);
            inTest.resumeRecovery(ANA);
            Thread.sleep(200);

            assertTrue(sinks.received.isEmpty(), "never sent");
            assertEquals(0, inTest.stats().count(BatchState.PENDING));
            assertEquals(Reason.NO_SUCH_BATCH, inTest.discard(List.of("thrown"), "", ANA).get(0).reason());
            assertEquals(Reason.NO_SUCH_BATCH, inTest.retryNow(List.of("thrown"), ANA).get(0).reason());
        }
    }

    @Test
    void restoringABatchThatWasNotDiscardedOrNeverStoredSaysSoPerId() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("live", Entries.sample("l", 1), "loki");

            List<ActionResult> results = inTest.restore(List.of("live", "nope"), ANA);

            assertEquals(List.of(Reason.NOT_DISCARDED, Reason.NO_SUCH_BATCH), results.stream().map(ActionResult::reason).toList());
        }
        List<AuditRecord> restores = new AuditLog(fx.config.directory()).read(0, 100, r -> r.action().equals("restore")).records();
        assertEquals(List.of("live", "nope"), restores.get(0).ids());
    }

    @Test
    void theDiscardAndTheRestoreAreAuditedWithTheActorAndTheId() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("b", Entries.sample("b", 1), "loki");
            inTest.discard(List.of("b"), "oops", ANA);
            fx.clock.advance(Duration.ofMinutes(1));
            inTest.restore(List.of("b"), ANA);
        }
        List<AuditRecord> lines = new AuditLog(fx.config.directory()).read(0, 100,
                r -> r.action().equals("discard") || r.action().equals("restore")).records();
        assertEquals(List.of("discard", "restore"), lines.stream().map(AuditRecord::action).toList());
        assertTrue(lines.stream().allMatch(r -> r.actor().equals("ana") && r.ids().equals(List.of("b"))));
    }
}
