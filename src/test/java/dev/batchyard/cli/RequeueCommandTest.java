package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.ScriptedDelivery;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** requeue: dead batches with a fresh budget; the loop guard leaves looping ones out unless asked. */
class RequeueCommandTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    PersistenceConfig config;

    /** The store with the test's settings: one retry, a loop guard at 1, sinks loki and loki-b that never answer. */
    private BatchPersistence open() {
        return BatchPersistence.open(config, inTest.sinks, inTest.clock);
    }

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        inTest.sinks = new ScriptedDelivery().hanging("loki").hanging("loki-b");
        config = new PersistenceConfig(true, inTest.store, 1000, Duration.ofMinutes(30), 1, Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24)).withRequeueLoopLimit(1);
        inTest.setup = (where, demo) -> new Settings(config.withDirectory(where.store()),
                SinkLayer.fixed(inTest.sinks, List.of()));
        try (BatchPersistence engine = open()) {
            engine.pauseRecovery(new Actor("ana")); // nothing in flight while the batches are made
            for (String id : List.of("d-1", "d-2")) {
                engine.persistBatch(id, Samples.entries(2), "loki");
                engine.markBatchFailed(id, "HTTP 500");
            }
            engine.persistBatch("p-3", Samples.entries(1), "loki");
            // d-2 has been round the loop twice: past the limit of 1
            engine.reroute(List.of("d-2"), "loki-b", new Actor("ana"));
            engine.reroute(List.of("d-2"), "loki", new Actor("ana"));
            engine.markBatchFailed("d-2", "HTTP 500");
        }
    }

    @Test
    void requeueAllTakesTheDeadBatchesAndLeavesTheLoopingOneOutNamingIt() {
        CliHarness.Run run = inTest.onStore("requeue", "--all");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("d-1: requeued to loki"), run::toString);
        assertTrue(run.err().contains("left out 1 looping batch") && run.err().contains("d-2 (2)"), run::toString);
        try (BatchPersistence engine = open()) {
            assertEquals(BatchState.PENDING, engine.find("d-1").orElseThrow().state());
            assertEquals(BatchState.DEAD, engine.find("d-2").orElseThrow().state());
            assertEquals(0, engine.find("p-3").orElseThrow().requeueCount());
        }
    }

    @Test
    void includeLoopedTakesTheLoopingBatchToo() {
        CliHarness.Run run = inTest.onStore("requeue", "d-2", "--include-looped");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("d-2: requeued to loki with a fresh retry budget (requeue 3)"), run::toString);
    }

    @Test
    void requeueOfABatchThatIsNotDeadFailsNamingItsIdAndState() {
        CliHarness.Run run = inTest.onStore("requeue", "p-3");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("p-3: not dead (PENDING)"), run::toString);
    }

    @Test
    void aDryRunCountsTheLoopingBatches() {
        CliHarness.Run run = inTest.onStore("requeue", "--all", "--dry-run", "--json");

        assertEquals(0, run.code(), run::toString);
        assertEquals(2, run.json().get("batches").asInt());
        assertEquals(1, run.json().get("looped").asInt());
    }
}
