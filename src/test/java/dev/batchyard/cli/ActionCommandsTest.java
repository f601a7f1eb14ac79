package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionCommandsTest {
    @TempDir
    Path tmp;

    CliHarness inTest;

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(3), "loki");
            engine.persistBatch("b-2", Samples.entries(5), "elasticsearch");
        }
    }

    @Test
    void discardRemovesTheBatchesAndReportsAMissingIdWithoutStopping() {
        CliHarness.Run run = inTest.onStore("discard", "zz-9", "a-1", "--reason", "poison batch");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("failed  zz-9"), run.out());
        assertTrue(run.out().contains("ok      a-1: discarded"), run.out());
        try (BatchPersistence engine = inTest.open()) {
            assertFalse(engine.find("a-1").isPresent());
            assertTrue(engine.find("b-2").isPresent());
        }
    }

    @Test
    void discardJsonGivesEachIdWithItsOutcome() {
        CliHarness.Run run = inTest.onStore("discard", "a-1", "zz-9", "--reason", "poison", "--json");

        assertEquals(1, run.code(), run::toString);
        assertEquals(1, run.json().get("done").asInt());
        assertEquals(1, run.json().get("failed").asInt());
        assertEquals("a-1", run.json().get("results").get(0).get("id").asText());
        assertTrue(run.json().get("results").get(0).get("ok").asBoolean());
        assertEquals("zz-9", run.json().get("results").get(1).get("id").asText());
        assertFalse(run.json().get("results").get(1).get("ok").asBoolean());
    }

    @Test
    void discardOfKnownIdsExitsZero() {
        CliHarness.Run run = inTest.onStore("discard", "a-1", "b-2", "--reason", "test data");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("2 done, 0 failed"), run.out());
    }

    @Test
    void discardIsAuditedUnderTheNameGivenWithAs() throws IOException {
        inTest.onStore("discard", "a-1", "--reason", "poison batch", "--as", "alice");

        String audit = Files.readString(inTest.store.resolve("audit.log"));
        assertTrue(audit.contains("alice") && audit.contains("discard") && audit.contains("a-1"), audit);
    }

    @Test
    void discardWithoutReasonIsAUsageError() {
        CliHarness.Run run = inTest.onStore("discard", "a-1");

        assertEquals(2, run.code(), run::toString);
        try (BatchPersistence engine = inTest.open()) {
            assertTrue(engine.find("a-1").isPresent());
        }
    }

    @Test
    void rerouteToAnUnconfiguredSinkIsRefusedForEachId() {
        CliHarness.Run run = inTest.onStore("reroute", "a-1", "b-2", "--to", "kafka");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("failed  a-1: sink 'kafka' is not configured"), run.out());
        assertTrue(run.out().contains("0 done, 2 failed"), run.out());
        try (BatchPersistence engine = inTest.open()) {
            assertEquals("loki", engine.find("a-1").orElseThrow().sink());
        }
    }

    @Test
    void retryOfABatchWhoseSinkIsNotConfiguredIsRefused() {
        CliHarness.Run run = inTest.onStore("retry", "a-1");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("failed  a-1: sink 'loki' is not configured"), run.out());
    }

    @Test
    void writingCommandsOnAMissingStoreFailAndCreateNothing() {
        Path missing = tmp.resolve("nowhere");

        CliHarness.Run run = new CliHarness(missing).onStore("discard", "a-1", "--reason", "x");

        assertEquals(1, run.code(), run::toString);
        assertFalse(Files.exists(missing));
    }
}
