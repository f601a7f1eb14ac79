package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scenario list} and {@code scenario run}: the debrief, the exit code, and the store they refuse. */
class ScenarioCommandsTest {
    @TempDir
    Path tmp;

    private CliHarness inTest() {
        return new CliHarness(tmp.resolve("unused"));
    }

    @Test
    void listNamesEveryBuiltInScenarioWithItsTitleInTheOperatorsLanguage() {
        CliHarness.Run en = inTest().run("scenario", "list", "--lang", "en");
        CliHarness.Run pt = inTest().run("scenario", "list", "--lang", "pt-BR");
        assertEquals(0, en.code(), en::toString);
        assertTrue(en.out().contains("splunk-outage") && en.out().contains("Splunk is down"), en::toString);
        assertTrue(pt.out().contains("splunk-outage") && pt.out().contains("O Splunk caiu"), pt::toString);
        assertEquals(8, en.out().lines().count(), "a header and seven scenarios:\n" + en.out());
        CliHarness.Run help = inTest().run("scenario", "run", "--help", "--lang", "pt-BR");
        assertTrue(help.out().contains("Roda um cenário de treinamento"), help::toString);
    }

    @Test
    void aSolvedRunExitsZeroWithADebriefOfEventsActionsAndChecks() {
        CliHarness.Run run = inTest().run("scenario", "run", "ttl-wave", "--store", tmp.resolve("s").toString(),
                "--solve", "--lang", "en");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("25 batches for elastic-demo, created 23:58:00 ago, arrive (old)"), run::toString);
        // the first reroute may find some batches in flight: the solver reroutes those a moment later
        assertTrue(run.out().contains("\n  0:0"), run::toString);
        assertTrue(run.out().contains("reroute to loki-demo  25 batches, "), run::toString);
        assertTrue(run.out().contains("PASSED   save-before-expiry"), run::toString);
        assertTrue(run.out().contains("[x] every batch of old delivered: 25 of 25"), run::toString);
        assertTrue(run.out().contains("Score: 100 (1 of 1 task passed)"), run::toString);
    }

    @Test
    void anUnsolvedRunExitsOneAndSaysWhichConditionFailed() {
        CliHarness.Run run = inTest().run("scenario", "run", "poison-batch", "--store", tmp.resolve("s").toString(),
                "--lang", "pt-BR");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("FALHOU   remove-poison"), run::toString);
        assertTrue(run.out().contains("[ ] você descartou todo lote de poison: 0 de 3"), run::toString);
        assertTrue(run.out().contains("Nota: 0"), run::toString);
    }

    @Test
    void aStoreHoldingBatchesIsRefusedAndLeftAsItWas() throws Exception {
        Path store = tmp.resolve("real");
        CliHarness harness = new CliHarness(store);
        try (BatchPersistence engine = harness.open()) {
            engine.persistBatch("keep-1", Samples.entries(2), "loki");
        }
        CliHarness.Run run = harness.run("scenario", "run", "splunk-outage", "--store", store.toString(), "--solve",
                "--lang", "en");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("holds batches"), run::toString);
        try (BatchPersistence engine = harness.open()) {
            assertTrue(engine.find("keep-1").isPresent());
            assertEquals(1, engine.stats().total());
        }
    }

    @Test
    void aDirectoryThatIsNeitherEmptyNorAStoreIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("photos"));
        Files.writeString(dir.resolve("holiday.jpg"), "not a store");
        CliHarness.Run run = inTest().run("scenario", "run", "splunk-outage", "--store", dir.toString(), "--lang", "en");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("neither empty nor a store"), run::toString);
        assertFalse(Files.exists(dir.resolve("segments")), "nothing was created in it");
    }

    @Test
    void anUnknownScenarioNamesTheBuiltInOnes() {
        CliHarness.Run run = inTest().run("scenario", "run", "splunk", "--store", tmp.resolve("s").toString(), "--lang", "en");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("no built-in scenario 'splunk' (built in: splunk-outage, "), run::toString);
    }

    @Test
    void aTrainersFileWithAMistakeIsRefusedNamingTheFileLineAndKey() throws Exception {
        Path file = tmp.resolve("drill.yaml");
        Files.writeString(file, """
                name: drill
                title: {en: Drill, pt: Treino}
                summary: {en: A drill, pt: Um treino}
                timeline:
                  - {at: 0s, break: splunk}
                tasks: []
                """);
        CliHarness.Run run = inTest().run("scenario", "run", file.toString(), "--store", tmp.resolve("s").toString(),
                "--lang", "en");
        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains(file + ", line 5, key timeline[0].break: no sink 'splunk'"), run::toString);
    }
}
