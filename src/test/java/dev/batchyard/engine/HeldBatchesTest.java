package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration problem holds a batch visibly, keeps it like a dead letter and spends no retry. */
class HeldBatchesTest {
    @TempDir
    Path tmp;

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    private static BatchState state(BatchPersistence engine, String id) {
        return engine.find(id).orElseThrow().state();
    }

    @Test
    void aBatchForASinkThatIsNotConfiguredIsHeldWithItsRetriesAndNamesTheSink() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            EventSubscription events = inTest.subscribe(100);
            inTest.persistBatch("typo", Entries.sample("t", 2), "lokki");

            eventually(() -> state(inTest, "typo") == BatchState.HELD, "the batch is held");

            BatchView held = inTest.find("typo").orElseThrow();
            assertEquals(0, held.retryCount());
            assertEquals("sink 'lokki' is not configured or is disabled", held.failureReason());
            assertTrue(sinks.received.isEmpty(), "nothing was sent");
            eventually(() -> events.drain().stream().anyMatch(e -> e instanceof BatchEvent.Held h && h.id().equals("typo")),
                    "the hold is announced");
        }
        List<AuditRecord> holds = new AuditLog(fx.config.directory()).read(0, 100, r -> r.action().equals("hold")).records();
        assertEquals(List.of("typo"), holds.get(0).ids());
        assertEquals("policy:configuration", holds.get(0).actor());
    }

    @Test
    void aHeldBatchSurvivesACleanupPassPastBatchTtl() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().succeeding("loki"))) {
            inTest.persistBatch("typo", Entries.sample("t", 1), "lokki");
            eventually(() -> state(inTest, "typo") == BatchState.HELD, "the batch is held");
            fx.clock.advance(fx.config.batchTtl().plusHours(1));

            assertEquals(List.of(), inTest.runCleanupNow().expiredIds());
            assertEquals(BatchState.HELD, state(inTest, "typo"));
        }
    }

    @Test
    void aMisconfiguredAnswerHoldsTheBatchWithTheAttemptInItsHistoryAndNoRetrySpent() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().sink("loki", b -> CompletableFuture.completedFuture(
                new DeliveryOutcome.Misconfigured("sink URL redirects to https://elsewhere (HTTP 301)")));
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b", 1), "loki");

            eventually(() -> state(inTest, "b-1") == BatchState.HELD, "the batch is held");
            Thread.sleep(200); // several recovery ticks: a held batch is not due

            BatchView held = inTest.find("b-1").orElseThrow();
            assertEquals(0, held.retryCount());
            assertEquals(1, held.attempts().size());
            assertEquals(1, sinks.received.size(), "sent once, then held");
            assertTrue(held.failureReason().startsWith("sink URL redirects to"), held.failureReason());
        }
    }

    @Test
    void reopeningWithTheSinkConfiguredReleasesAHeldBatchAndItIsDelivered() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().succeeding("loki"))) {
            inTest.persistBatch("typo", Entries.sample("t", 1), "lokki");
            eventually(() -> state(inTest, "typo") == BatchState.HELD, "the batch is held");
        }
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().succeeding("loki", "lokki"))) {
            eventually(() -> inTest.find("typo").isEmpty(), "the released batch is delivered");
        }
        List<AuditRecord> releases = new AuditLog(fx.config.directory()).read(0, 100,
                r -> r.action().equals("release")).records();
        assertEquals(List.of("typo"), releases.get(0).ids());
    }

    @Test
    void reopeningWithTheSinkStillMissingKeepsTheBatchHeld() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().succeeding("loki"))) {
            inTest.persistBatch("typo", Entries.sample("t", 1), "lokki");
            eventually(() -> state(inTest, "typo") == BatchState.HELD, "the batch is held");
        }
        try (BatchPersistence inTest = fx.open(new ScriptedDelivery().succeeding("loki"))) {
            assertEquals(BatchState.HELD, state(inTest, "typo"));
            assertEquals(0, inTest.find("typo").orElseThrow().retryCount());
        }
    }

    @Test
    void aStoreOpenedWithoutAnySinksHoldsNothing() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            inTest.persistBatch("b", Entries.sample("b", 1), "loki");
            Thread.sleep(200);
            assertEquals(BatchState.PENDING, state(inTest, "b"));
        }
    }
}
