package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryLoopTest {
    @TempDir
    Path tmp;

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void pendingBatchesAreDeliveredAndRemoved() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 10), "loki");
            eventually(() -> inTest.find("b-1").isEmpty(), "b-1 is delivered");
            assertEquals(Entries.sample("b-1", 10), sinks.received.get(0).entries());
        }
        try (BatchPersistence inTest = fx.open()) {
            assertTrue(inTest.find("b-1").isEmpty());
        }
    }

    @Test
    void aFailedAttemptIsRecordedInTheRetryHistoryAndWaitsForBackoff() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().failing("loki", "HTTP 503 from loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            eventually(() -> inTest.find("b-1").orElseThrow().state() == BatchState.RETRY_WAIT, "the failure is recorded");
            Thread.sleep(100); // several ticks: backoff (1 s on a frozen clock) must hold it back
            BatchView view = inTest.find("b-1").orElseThrow();
            assertEquals(1, sinks.received.size());
            assertEquals(BatchState.RETRY_WAIT, view.state());
            Attempt attempt = view.attempts().get(0);
            assertEquals(Attempt.Outcome.FAILED, attempt.outcome());
            assertEquals("HTTP 503 from loki", attempt.error());
            assertEquals("loki", attempt.sink());
            fx.clock.advance(Duration.ofSeconds(2));
            eventually(() -> sinks.received.size() == 2, "the retry is sent once backoff has passed");
        }
    }

    @Test
    void aPermanentFailureDeadLettersTheBatchAtOnce() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().sink("es",
                b -> CompletableFuture.completedFuture(DeliveryOutcome.permanent("400 mapper_parsing_exception")));
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "es");
            eventually(() -> inTest.find("b-1").orElseThrow().state() == BatchState.DEAD, "b-1 is dead");
            assertEquals("400 mapper_parsing_exception", inTest.find("b-1").orElseThrow().failureReason());
        }
    }

    @Test
    void anAttemptThatOutlivesBatchTimeoutCountsAsFailedAndItsLateAnswerIsIgnored() throws Exception {
        EngineFixture fx = new EngineFixture(tmp).batchTimeout(Duration.ofMinutes(1));
        List<CompletableFuture<DeliveryOutcome>> answers = new ArrayList<>();
        ScriptedDelivery sinks = new ScriptedDelivery().sink("loki", b -> {
            CompletableFuture<DeliveryOutcome> f = new CompletableFuture<>();
            answers.add(f);
            return f;
        });
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            eventually(() -> inTest.find("b-1").orElseThrow().state() == BatchState.IN_FLIGHT, "b-1 is in flight");
            fx.clock.advance(Duration.ofMinutes(2));
            eventually(() -> inTest.find("b-1").orElseThrow().state() == BatchState.RETRY_WAIT, "the timeout is recorded");
            BatchView view = inTest.find("b-1").orElseThrow();
            assertEquals(Attempt.Outcome.TIMED_OUT, view.attempts().get(0).outcome());
            assertTrue(view.failureReason().startsWith("timed out in flight"), view.failureReason());
            answers.get(0).complete(DeliveryOutcome.delivered());
            Thread.sleep(100);
            assertTrue(inTest.find("b-1").isPresent(), "a stale success must not remove the batch");
        }
    }

    @Test
    void aBatchBeingSentIsInFlightToAPagesFilterAndInTheViewItsRowBuilds() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().sink("loki", b -> new CompletableFuture<>());
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            eventually(() -> inTest.find("b-1").orElseThrow().state() == BatchState.IN_FLIGHT, "b-1 is in flight");

            List<BatchRow> inFlight = inTest.rows(BatchQuery.all().withStates(BatchState.IN_FLIGHT)).toList();

            assertEquals(List.of("b-1"), inFlight.stream().map(BatchRow::id).toList());
            assertEquals(inTest.find("b-1").orElseThrow(), inFlight.get(0).view());
            assertEquals(0, inTest.rows(BatchQuery.all().withStates(BatchState.PENDING)).count(),
                    "a batch in flight is not also pending, though its stored state is");
        }
    }

    @Test
    void heldSinksKeepTheirBatchesWithoutSpendingRetries() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");
        sinks.admission("loki", Admission.hold());
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            Thread.sleep(150);
            assertTrue(sinks.received.isEmpty());
            assertEquals(0, inTest.find("b-1").orElseThrow().retryCount());
            List<ActionResult> results = inTest.retryNow(List.of("b-1"), new Actor("ana"));
            assertTrue(results.get(0).ok(), results.toString());
            eventually(() -> inTest.find("b-1").isEmpty(), "retry now bypasses the hold");
        }
    }

    /**
     * A persist to a sink the last pass found holding does not wake the loop (with the sink down,
     * every persist paid for a pass over the whole backlog); a persist to another sink still does,
     * and the tick still asks the held sink again, so its batches leave once the hold lifts.
     */
    @Test
    void aPersistToAHeldSinkLeavesTheLoopAsleepUntilTheTick() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        fx.options = fx.options.withRecoveryTick(Duration.ofHours(1));
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki", "kafka");
        sinks.admission("loki", Admission.hold());
        IntSupplier asked = () -> sinks.admissionsAsked("loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            eventually(() -> asked.getAsInt() == 1, "the first persist wakes the loop, which asks the sink");
            for (int i = 2; i <= 20; i++) {
                inTest.persistBatch("b-" + i, Entries.sample("b-" + i, 1), "loki");
            }
            inTest.persistBatch("k-1", Entries.sample("k-1", 1), "kafka");
            eventually(() -> inTest.find("k-1").isEmpty(), "a persist to a sink that takes batches still wakes the loop");
            // those passes (the persist's, then the one a finished attempt wakes) asked loki again, as it has
            // due batches; from here on only persists to held loki come, and they do not wake the loop
            Thread.sleep(150);
            int afterKafka = asked.getAsInt();
            for (int i = 21; i <= 40; i++) {
                inTest.persistBatch("b-" + i, Entries.sample("b-" + i, 1), "loki");
            }
            Thread.sleep(200);
            assertEquals(afterKafka, asked.getAsInt(), "persists to a held sink must not start passes");
            assertTrue(sinks.received.stream().noneMatch(b -> b.meta().sink().equals("loki")));
        }
        fx.options = fx.options.withRecoveryTick(Duration.ofMillis(20));
        try (BatchPersistence inTest = fx.open(sinks)) {
            assertEquals(40, inTest.pendingBatches().size());
            sinks.admission("loki", Admission.send());
            eventually(() -> inTest.pendingBatches().isEmpty(), "the tick sends a held sink's batches once it takes them");
        }
    }

    @Test
    void retryNowBypassesBackoffAndReportsUnknownIds() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().failing("loki", "down");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            eventually(() -> inTest.find("b-1").orElseThrow().state() == BatchState.RETRY_WAIT, "first failure");
            List<ActionResult> results = inTest.retryNow(List.of("b-1", "nope"), new Actor("ana"));
            assertTrue(results.get(0).ok());
            assertFalse(results.get(1).ok());
            eventually(() -> inTest.find("b-1").orElseThrow().attempts().size() == 2, "the retry ran before its backoff");
            // an operator's retry is not the loop's: its failure is in the history, not in the budget (issue #17)
            assertEquals(1, inTest.find("b-1").orElseThrow().retryCount());
            String audit = Files.readString(fx.config.directory().resolve("audit.log"));
            assertTrue(audit.contains("\"actor\":\"ana\"") && audit.contains("\"action\":\"retry\""), audit);
        }
    }

    @Test
    void rerouteSendsTheBatchToTheNewSinkOnceAndRefusesUnknownSinks() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().failing("loki", "down").succeeding("es");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            eventually(() -> inTest.find("b-1").orElseThrow().state() == BatchState.RETRY_WAIT, "first failure");
            assertFalse(inTest.reroute(List.of("b-1"), "kafka", new Actor("ana")).get(0).ok());
            assertTrue(inTest.reroute(List.of("b-1"), "es", new Actor("ana")).get(0).ok());
            eventually(() -> inTest.find("b-1").isEmpty(), "delivered to es");
            assertEquals(1, sinks.received.stream().filter(b -> b.sink().equals("es")).count());
        }
    }

    @Test
    void discardRemovesExactlyTheGivenIdsAndAuditsIt() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open()) {
            EventSubscription events = inTest.subscribe(100);
            for (String id : List.of("a", "b", "c")) {
                inTest.persistBatch(id, Entries.sample(id, 1), "loki");
            }
            List<ActionResult> results = inTest.discard(List.of("a", "c"), "poison batch", new Actor("ana"));
            assertTrue(results.stream().allMatch(ActionResult::ok));
            assertEquals(List.of("b"), inTest.pendingBatches().stream().map(BatchView::id).toList());
            assertTrue(events.drain().stream().anyMatch(e -> e instanceof BatchEvent.Discarded d
                    && d.id().equals("a") && d.actor().name().equals("ana") && d.reason().equals("poison batch")));
        }
        try (BatchPersistence inTest = fx.open()) {
            assertEquals(List.of("b"), inTest.pendingBatches().stream().map(BatchView::id).toList());
        }
    }

    @Test
    void aFallbackStrategyReroutesAfterAFailureWithAPolicyAuditRecord() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().failing("loki", "down").succeeding("file");
        sinks.fallback("loki", "file");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            eventually(() -> inTest.find("b-1").isEmpty(), "delivered through the fallback");
            String audit = Files.readString(fx.config.directory().resolve("audit.log"));
            assertTrue(audit.contains("\"actor\":\"policy:fallback\""), audit);
        }
    }

    @Test
    void pausedRecoverySendsNothingUntilResumed() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.pauseRecovery(new Actor("ana"));
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            Thread.sleep(150);
            assertTrue(sinks.received.isEmpty());
            assertTrue(inTest.stats().recoveryPaused());
            inTest.resumeRecovery(new Actor("ana"));
            eventually(() -> inTest.find("b-1").isEmpty(), "delivered after resume");
        }
    }
}
