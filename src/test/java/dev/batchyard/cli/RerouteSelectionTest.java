package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import dev.batchyard.runtime.ConfigFileSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reroute} of a backlog by filter (issue 20: into Kafka), instead of by ids. */
class RerouteSelectionTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    Path config;

    @BeforeEach
    void setUp() throws IOException {
        inTest = new CliHarness(tmp.resolve("store"));
        inTest.setup = new ConfigFileSetup(inTest.clock);
        config = Files.writeString(tmp.resolve("config.yaml"), """
                persistence:
                  directory: ./store
                sinks:
                  kafka:
                    enabled: true
                    brokers: ["127.0.0.1:9"]
                    topic: logs
                  loki:
                    enabled: false
                """);
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(3), "loki");
            engine.persistBatch("b-2", Samples.entries(2), "loki");
            engine.persistBatch("c-3", Samples.entries(2), "splunk");
            while (engine.find("b-2").orElseThrow().state() != BatchState.DEAD) {
                engine.markBatchFailed("b-2", "HTTP 503");
            }
        }
    }

    private Map<String, String> sinks() {
        try (BatchPersistence engine = inTest.open()) {
            return engine.pendingBatches().stream().collect(Collectors.toMap(BatchView::id, BatchView::sink));
        }
    }

    @Test
    void theDeadBatchesRerouteIntoKafkaAndTheOthersStay() {
        CliHarness.Run run = inTest.run("reroute", "--state", "DEAD", "--to", "kafka", "--config", config.toString());

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("b-2: rerouted from loki to kafka"), run.out());
        assertEquals(Map.of("a-1", "loki", "b-2", "kafka", "c-3", "splunk"), sinks());
    }

    @Test
    void aSinksWholeBacklogReroutesIntoKafka() {
        CliHarness.Run run = inTest.run("reroute", "--sink", "loki", "--to", "kafka", "--config", config.toString());

        assertEquals(0, run.code(), run::toString);
        assertEquals(Map.of("a-1", "kafka", "b-2", "kafka", "c-3", "splunk"), sinks());
    }

    @Test
    void allReroutesEveryBatch() {
        CliHarness.Run run = inTest.run("reroute", "--all", "--to", "kafka", "--config", config.toString());

        assertEquals(0, run.code(), run::toString);
        assertEquals(Map.of("a-1", "kafka", "b-2", "kafka", "c-3", "kafka"), sinks());
    }

    @Test
    void idsAndAFilterTogetherAreAUsageError() {
        CliHarness.Run run = inTest.run("reroute", "a-1", "--all", "--to", "kafka", "--config", config.toString());

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("Give batch ids, or a selection (--all, --state, --sink), not both."), run.err());
        assertEquals("loki", sinks().get("a-1"));
    }

    @Test
    void neitherIdsNorAFilterIsAUsageError() {
        CliHarness.Run run = inTest.run("reroute", "--to", "kafka", "--config", config.toString());

        assertEquals(2, run.code(), run::toString);
    }
}
