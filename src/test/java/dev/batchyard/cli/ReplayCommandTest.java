package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.engine.ScriptedDelivery;
import dev.batchyard.model.Actor;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --rate on requeue, and replay status; bad values named. */
class ReplayCommandTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    ScriptedDelivery sinks = new ScriptedDelivery().succeeding("loki");

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        inTest.sinks = sinks;
        PersistenceConfig config = new PersistenceConfig(true, inTest.store, 1000, Duration.ofMinutes(30), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24));
        inTest.setup = (where, demo) -> new Settings(config.withDirectory(where.store()), SinkLayer.fixed(sinks, List.of()));
        try (BatchPersistence engine = BatchPersistence.open(config, sinks, inTest.clock)) {
            engine.pauseRecovery(new Actor("ana"));
            for (int i = 0; i < 6; i++) {
                engine.persistBatch("d-" + i, Samples.entries(1), "loki");
                engine.markBatchFailed("d-" + i, "HTTP 500");
            }
        }
        sinks.received.clear();
    }

    @Test
    void requeueWithARateSendsEveryBatchOnceAndReplayStatusSaysFinished() {
        CliHarness.Run run = inTest.onStore("requeue", "--all", "--rate", "20");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("replay: requeue 6/6 taken, 0 refused"), run::toString);
        assertEquals(6, sinks.received.size());
        assertEquals(6, sinks.receivedIds().size());
        CliHarness.Run status = inTest.onStore("replay", "status", "--json");
        assertEquals("FINISHED", status.json().get("state").asText(), status::toString);
        assertEquals(6, status.json().get("taken").asInt());
    }

    @Test
    void aRateOfZeroIsAUsageErrorNamingTheValue() {
        CliHarness.Run run = inTest.onStore("requeue", "--all", "--rate", "0");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("rate of 0.0"), run::toString);
    }

    @Test
    void aNegativeRateOnRetryIsAUsageErrorNamingTheValue() {
        CliHarness.Run run = inTest.onStore("retry", "d-1", "--rate", "-5");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("rate of -5.0"), run::toString);
    }

    @Test
    void replayWithAnUnknownWordIsAUsageErrorNamingIt() {
        CliHarness.Run run = inTest.onStore("replay", "rewind");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("'rewind'"), run::toString);
    }

    @Test
    void pausingWhenThereIsNoReplaySaysSo() {
        CliHarness.Run run = inTest.onStore("replay", "pause");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("there is no replay to pause"), run::toString);
    }
}
