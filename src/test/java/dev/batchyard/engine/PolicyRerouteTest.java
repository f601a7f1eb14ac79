package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the engine applies the sink layer's reroutes: one durable change each, its events, its audit record. */
class PolicyRerouteTest {
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

    private static List<BatchEvent> aboutDelivery(List<BatchEvent> events) {
        return events.stream().filter(e -> e instanceof BatchEvent.DeliveryFailed || e instanceof BatchEvent.DeadLettered
                || e instanceof BatchEvent.Rerouted).toList();
    }

    @Test
    void aFailureAnsweredWithARerouteKeepsTheFailedAttemptAndStartsAFreshBudgetAtTheTarget() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().failing("loki", "HTTP 503 from loki").succeeding("file");
        sinks.admission("file", Admission.hold());
        sinks.fallback("loki", "file");
        List<BatchEvent> seen = new ArrayList<>();
        try (BatchPersistence inTest = fx.open(sinks)) {
            EventSubscription events = inTest.subscribe(100);
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            eventually(() -> {
                seen.addAll(aboutDelivery(events.drain()));
                return seen.size() >= 2;
            }, "the failure and the reroute are announced");
        }
        assertEquals(2, seen.size(), seen::toString);
        BatchEvent.DeliveryFailed failed = (BatchEvent.DeliveryFailed) seen.get(0);
        assertEquals(List.of("loki", "HTTP 503 from loki", 1), List.of(failed.sink(), failed.reason(), failed.retryCount()));
        assertEquals(new BatchEvent.Rerouted(failed.at(), "b-1", "loki", "file", Actor.policy("fallback")), seen.get(1));
        try (BatchPersistence reopened = fx.open()) {
            BatchView view = reopened.find("b-1").orElseThrow();
            assertEquals(List.of("file", BatchState.PENDING, 0, "HTTP 503 from loki"),
                    List.of(view.sink(), view.state(), view.retryCount(), view.failureReason()));
            Attempt attempt = view.attempts().get(0);
            assertEquals(List.of(1, "loki", Attempt.Outcome.FAILED, "HTTP 503 from loki"),
                    List.of(view.attempts().size(), attempt.sink(), attempt.outcome(), attempt.error()));
        }
    }

    @Test
    void anAdmissionRerouteMovesDueBatchesWithoutSendingThemOrSpendingARetry() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki", "file");
        sinks.admission("loki", new Admission.Reroute("file", "breaker open longer than fallback_after_open"));
        sinks.admission("file", Admission.hold());
        try (BatchPersistence inTest = fx.open(sinks)) {
            for (String id : List.of("a", "b", "c")) {
                inTest.persistBatch(id, Entries.sample(id, 1), "loki");
            }
            eventually(() -> inTest.pendingBatches().stream()
                    .allMatch(b -> b.sink().equals("file") && b.state() == BatchState.PENDING), "all moved to file");

            assertTrue(sinks.received.isEmpty(), "nothing was sent to loki");
            for (BatchView b : inTest.pendingBatches()) {
                assertEquals(List.of(BatchState.PENDING, 0, List.of()), List.of(b.state(), b.retryCount(), b.attempts()));
            }
            String audit = Files.readString(fx.config.directory().resolve("audit.log"));
            assertTrue(audit.contains("\"actor\":\"policy:fallback\"")
                    && audit.contains("to file after: breaker open longer than fallback_after_open"), audit);
        }
    }

    @Test
    void aRerouteToTheBatchsOwnSinkIsNotApplied() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");
        sinks.admission("loki", new Admission.Reroute("loki", "a confused delivery layer"));
        try (BatchPersistence inTest = fx.open(sinks)) {
            EventSubscription events = inTest.subscribe(1000);
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "loki");
            Thread.sleep(150); // several ticks

            assertTrue(events.drain().stream().noneMatch(BatchEvent.Rerouted.class::isInstance));
            assertEquals(List.of("loki", BatchState.PENDING, 0), List.of(inTest.find("b-1").orElseThrow().sink(),
                    inTest.find("b-1").orElseThrow().state(), inTest.find("b-1").orElseThrow().retryCount()));
        }
    }

    @Test
    void aSinkThatIsNotConfiguredHoldsItsBatchesWithoutSpendingRetries() throws Exception {
        EngineFixture fx = new EngineFixture(tmp);
        ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");
        try (BatchPersistence inTest = fx.open(sinks)) {
            inTest.persistBatch("b-1", Entries.sample("b-1", 1), "kafka");
            Thread.sleep(150); // several ticks

            assertTrue(sinks.received.isEmpty());
            assertEquals(0, inTest.find("b-1").orElseThrow().retryCount());
            assertEquals(ActionResult.Reason.SINK_NOT_CONFIGURED,
                    inTest.retryNow(List.of("b-1"), new Actor("ana")).get(0).reason());
        }
    }
}
