package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.runtime.ConfigFileSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands with a real config.yaml and a real sink (local_file, writing into the test directory). */
class ConfigAndSinksTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    Path config;
    Path delivered;

    @BeforeEach
    void setUp() throws IOException {
        inTest = new CliHarness(tmp.resolve("store"));
        inTest.setup = new ConfigFileSetup(inTest.clock);
        delivered = tmp.resolve("delivered");
        config = Files.writeString(tmp.resolve("config.yaml"), """
                persistence:
                  enabled: true
                  directory: ./store
                  max_recovery_retries: 5
                sinks:
                  local_file:
                    enabled: true
                    directory: %s
                  loki:
                    enabled: false
                """.formatted(delivered));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(3), "loki");
            engine.persistBatch("b-2", Samples.entries(2), "local_file");
        }
    }

    @Test
    void theStoreComesFromTheConfigWhenNoStoreIsGiven() {
        CliHarness.Run run = inTest.run("list", "--json", "--config", config.toString());

        assertEquals(List.of("a-1", "b-2"), ListCommandTest.ids(run));
    }

    @Test
    void rerouteToAConfiguredSinkMovesTheBatch() {
        CliHarness.Run run = inTest.run("reroute", "a-1", "--to", "local_file", "--config", config.toString());

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("rerouted from loki to local_file"), run.out());
        try (BatchPersistence engine = inTest.open()) {
            assertEquals("local_file", engine.find("a-1").orElseThrow().sink());
        }
    }

    @Test
    void rerouteToADisabledSinkIsRefused() {
        CliHarness.Run run = inTest.run("reroute", "b-2", "--to", "loki", "--config", config.toString());

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("failed  b-2: sink 'loki' is not configured or is disabled"), run.out());
    }

    @Test
    void retrySendsTheBatchAndReportsItDelivered() throws IOException {
        CliHarness.Run run = inTest.run("retry", "b-2", "zz-9", "--config", config.toString());

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("ok      b-2: delivered to local_file"), run.out());
        assertTrue(run.out().contains("failed  zz-9"), run.out());
        assertEquals(2, deliveredLines(), "both entries were written by the sink");
        try (BatchPersistence engine = inTest.open()) {
            assertFalse(engine.find("b-2").isPresent());
        }
    }

    @Test
    void retryReportsTheSinksFailureAndKeepsTheBatch() throws IOException {
        Files.writeString(delivered, "a file where the sink expects a directory");

        CliHarness.Run run = inTest.run("retry", "b-2", "--config", config.toString());

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("failed  b-2: local_file failed: "), run.out());
        try (BatchPersistence engine = inTest.open()) {
            // an operator's retry is in the history but does not spend the automatic budget (issue #17)
            assertEquals(1, engine.find("b-2").orElseThrow().attempts().size());
            assertEquals(0, engine.find("b-2").orElseThrow().retryCount());
        }
    }

    @Test
    void openingTheStoreForACommandSendsNothingByItself() throws IOException {
        inTest.run("discard", "a-1", "--reason", "not needed", "--config", config.toString());

        assertEquals(0, deliveredLines(), "b-2 is due, but only 'retry' sends");
    }

    @Test
    void anInvalidConfigValueFailsNamingTheKey() throws IOException {
        Files.writeString(config, "persistence:\n  max_pending_batches: -3\n");

        CliHarness.Run run = inTest.run("list", "--config", config.toString());

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("max_pending_batches"), run.err());
    }

    @Test
    void anInvalidConfigValueInPortugueseNamesFileKeyAndValueAndKeepsWhatIsAllowed() throws IOException {
        Files.writeString(config, "persistence:\n  max_pending_batches: -3\n");

        CliHarness.Run run = inTest.run("list", "--config", config.toString(), "--lang", "pt-BR");

        assertEquals(1, run.code(), run::toString);
        List<String> lines = run.err().lines().toList();
        assertEquals("batchyard: " + config + ": Valor inválido para persistence.max_pending_batches: '-3'",
                lines.get(0), run::toString);
        assertTrue(lines.get(1).startsWith("  must be"), run::toString);
    }

    private long deliveredLines() throws IOException {
        if (!Files.isDirectory(delivered)) {
            return 0;
        }
        long lines = 0;
        try (Stream<Path> files = Files.list(delivered)) {
            for (Path f : files.toList()) {
                lines += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
            }
        }
        return lines;
    }
}
