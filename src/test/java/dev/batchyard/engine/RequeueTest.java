package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.ActionResult.Reason;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requeue with a fresh budget, the loop guard's count, and a manual retry that does not spend the budget. */
class RequeueTest {
    private static final Actor ANA = new Actor("ana");
    @TempDir
    Path tmp;

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Sinks that are configured but whose backlog the recovery loop holds: only an operator's retry
     * (or a replay) sends, so no pass of the loop races the test's steps (pausing it could: a pass
     * already under way when the pause comes still sends).
     */
    private static ScriptedDelivery held(ScriptedDelivery sinks, String... names) {
        for (String name : names) {
            sinks.admission(name, Admission.hold());
        }
        return sinks;
    }

    /** One batch for {@code sink}, dead after its single allowed retry (the engine's own sinks are none). */
    private static void dead(BatchPersistence engine, String id, String sink) {
        if (engine.find(id).isEmpty()) {
            engine.persistBatch(id, Entries.sample(id, 2), sink);
        }
        engine.markBatchFailed(id, "HTTP 500");
        assertEquals(BatchState.DEAD, engine.find(id).orElseThrow().state());
    }

    @Test
    void requeueOfADeadBatchStartsAFreshBudgetDueNowAndSaysSoInItsHistory() throws Exception {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        ScriptedDelivery sinks = held(new ScriptedDelivery().hanging("loki"), "loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.pauseRecovery(ANA);
            dead(inTest, "b-1", "loki");

            ActionResult result = inTest.requeue(List.of("b-1"), null, ANA).get(0);

            assertEquals(Reason.REQUEUED, result.reason(), result::toString);
            assertEquals("requeued to loki with a fresh retry budget (requeue 1)", result.message());
            BatchView after = inTest.find("b-1").orElseThrow();
            assertEquals(BatchState.PENDING, after.state());
            assertEquals(0, after.retryCount());
            assertEquals(1, after.requeueCount());
            Attempt note = after.attempts().get(after.attempts().size() - 1);
            assertEquals(Attempt.Outcome.REQUEUED, note.outcome());
            assertTrue(note.error().contains("requeued by ana") && note.error().contains("had 1 retries"), note.error());
            String audit = Files.readString(fx.config.directory().resolve("audit.log"));
            assertTrue(audit.contains("\"action\":\"requeue\"") && audit.contains("\"reason\":\"requeued\""), audit);
        }
    }

    @Test
    void requeueToAnotherSinkMovesTheBatchThere() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        try (BatchPersistence inTest = fx.open(held(new ScriptedDelivery().hanging("loki").hanging("es"), "loki", "es"))) {
            inTest.pauseRecovery(ANA);
            dead(inTest, "b-1", "loki");

            assertEquals(Reason.REQUEUED, inTest.requeue(List.of("b-1"), "es", ANA).get(0).reason());

            assertEquals("es", inTest.find("b-1").orElseThrow().sink());
        }
    }

    @Test
    void requeueOfABatchThatIsNotDeadIsAnsweredNotDeadNamingItsStateAndChangesNothing() {
        EngineFixture fx = new EngineFixture(tmp);
        try (BatchPersistence inTest = fx.open(held(new ScriptedDelivery().hanging("loki"), "loki"))) {
            inTest.pauseRecovery(ANA);
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");

            ActionResult result = inTest.requeue(List.of("b-1", "zz-9"), null, ANA).get(0);

            assertEquals(Reason.NOT_DEAD, result.reason());
            assertTrue(result.message().contains("PENDING"), result.message());
            assertEquals(0, inTest.find("b-1").orElseThrow().requeueCount());
            assertEquals(Reason.NO_SUCH_BATCH, inTest.requeue(List.of("zz-9"), null, ANA).get(0).reason());
        }
    }

    @Test
    void requeueOfADeadBatchBeingRetriedIsAnsweredInFlight() throws Exception {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        ScriptedDelivery sinks = held(new ScriptedDelivery().hanging("loki"), "loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.pauseRecovery(ANA);
            dead(inTest, "b-1", "loki");
            inTest.retryNow(List.of("b-1"), ANA);
            eventually(() -> !sinks.received.isEmpty(), "the retry is under way");

            ActionResult result = inTest.requeue(List.of("b-1"), null, ANA).get(0);

            assertEquals(Reason.IN_FLIGHT, result.reason());
            assertEquals(0, inTest.find("b-1").orElseThrow().requeueCount());
        }
    }

    @Test
    void requeueToASinkThatIsNotConfiguredNamesTheSink() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        try (BatchPersistence inTest = fx.open(held(new ScriptedDelivery().hanging("loki"), "loki"))) {
            inTest.pauseRecovery(ANA);
            dead(inTest, "b-1", "loki");

            ActionResult result = inTest.requeue(List.of("b-1"), "kafka", ANA).get(0);

            assertEquals(Reason.SINK_NOT_CONFIGURED, result.reason());
            assertTrue(result.message().contains("'kafka'"), result.message());
        }
    }

    @Test
    void theLoopGuardFlagsABatchRequeuedOrReroutedMoreThanTheLimitAndTheCountSurvivesReopen() {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        fx.config = fx.config.withRequeueLoopLimit(2);
        ScriptedDelivery sinks = held(new ScriptedDelivery().hanging("loki").hanging("es"), "loki", "es");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.pauseRecovery(ANA);
            dead(inTest, "b-1", "loki");
            inTest.requeue(List.of("b-1"), null, ANA);
            inTest.reroute(List.of("b-1"), "es", ANA);
            assertFalse(inTest.find("b-1").orElseThrow().looped(), "2 is not more than the limit of 2");
            dead(inTest, "b-1", "es");
            inTest.requeue(List.of("b-1"), null, ANA);
            assertTrue(inTest.find("b-1").orElseThrow().looped());
        }
        try (BatchPersistence inTest = fx.open(sinks)) {
            assertEquals(3, inTest.find("b-1").orElseThrow().requeueCount());
            assertTrue(inTest.find("b-1").orElseThrow().looped());
        }
    }

    @Test
    void aManualRetrysFailureIsInTheHistoryButDoesNotSpendTheRetryBudget() throws Exception {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 2);
        ScriptedDelivery sinks = held(new ScriptedDelivery().failing("loki", "HTTP 503"), "loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.pauseRecovery(ANA);
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            inTest.markBatchFailed("b-1", "HTTP 503");

            inTest.retryNow(List.of("b-1"), ANA);
            eventually(() -> inTest.find("b-1").orElseThrow().attempts().size() == 2
                    && inTest.find("b-1").orElseThrow().state() != BatchState.IN_FLIGHT, "the retry's failure recorded");

            BatchView after = inTest.find("b-1").orElseThrow();
            assertEquals(1, after.retryCount(), "one of two retries spent, as before the manual one");
            assertEquals(BatchState.RETRY_WAIT, after.state(), "not dead: the budget is not used up");
            assertEquals("HTTP 503", after.attempts().get(1).error());
        }
    }

    @Test
    void aManualRetryOfADeadBatchThatFailsLeavesItDeadWithItsRetries() throws Exception {
        EngineFixture fx = new EngineFixture(tmp).limits(1000, 1);
        ScriptedDelivery sinks = held(new ScriptedDelivery().failing("loki", "HTTP 503"), "loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.pauseRecovery(ANA);
            dead(inTest, "b-1", "loki");

            inTest.retryNow(List.of("b-1"), ANA);
            eventually(() -> inTest.find("b-1").orElseThrow().attempts().size() == 2
                    && inTest.find("b-1").orElseThrow().state() != BatchState.IN_FLIGHT, "the retry's failure recorded");

            assertEquals(BatchState.DEAD, inTest.find("b-1").orElseThrow().state());
            assertEquals(1, inTest.find("b-1").orElseThrow().retryCount());
        }
    }
}
