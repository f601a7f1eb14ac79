package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    BatchView failed;

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(3), "loki");
            engine.persistBatch("b-2", Samples.entries(5), "elasticsearch");
            engine.persistBatch("c-3", Samples.entries(1), "loki");
            failed = engine.markBatchFailed("b-2", "bulk request failed: 503 Service Unavailable");
        }
    }

    @Test
    void listJsonGivesEveryFieldOfEveryBatch() {
        CliHarness.Run run = inTest.onStore("list", "--json");

        assertEquals(0, run.code(), run::toString);
        JsonNode b = byId(run.json(), "b-2");
        assertEquals(3, run.json().size());
        assertEquals("elasticsearch", b.get("sink").asText());
        assertEquals("RETRY_WAIT", b.get("state").asText());
        assertEquals(5, b.get("entries").asInt());
        assertEquals(failed.storedBytes(), b.get("bytes").asLong());
        assertEquals(failed.createdAt().toInstant(), OffsetDateTime.parse(b.get("created_at").asText()).toInstant());
        assertEquals(1, b.get("retry_count").asInt());
        assertEquals("bulk request failed: 503 Service Unavailable", b.get("failure_reason").asText());
        assertEquals(failed.nextAttemptAt().toString(), b.get("next_attempt").asText());
        assertTrue(byId(run.json(), "a-1").get("last_attempt").isNull(), "never attempted is null");
        assertTrue(byId(run.json(), "a-1").get("next_attempt").isNull());
    }

    @Test
    void listFiltersByStateSinkAndReason() {
        assertEquals(List.of("b-2"), ids(inTest.onStore("list", "--json", "--state", "retry_wait")));
        assertEquals(List.of("a-1", "c-3"), ids(inTest.onStore("list", "--json", "--sink", "loki")));
        assertEquals(List.of("b-2"), ids(inTest.onStore("list", "--json", "--reason", "503 SERVICE")));
        assertEquals(List.of(), ids(inTest.onStore("list", "--json", "--sink", "loki", "--state", "DEAD")));
    }

    @Test
    void listTablePrintsAlignedColumnsWithAHeader() {
        CliHarness.Run run = inTest.onStore("list");

        assertEquals(0, run.code(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run::toString);
        assertTrue(lines.get(0).startsWith("ID "), lines.get(0));
        int sinkColumn = lines.get(0).indexOf("SINK");
        for (String line : lines.subList(1, 4)) {
            assertTrue(line.substring(sinkColumn).startsWith("loki") || line.substring(sinkColumn).startsWith("elasticsearch"), line);
        }
    }

    @Test
    void listOfAMissingStoreFailsAndCreatesNothing() {
        Path missing = tmp.resolve("nowhere");

        CliHarness.Run run = new CliHarness(missing).onStore("list");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("no store at " + missing), run.err());
        assertFalse(Files.exists(missing));
    }

    @Test
    void listWithoutStoreIsAUsageError() {
        CliHarness.Run run = inTest.run("list");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("--store"), run.err());
    }

    @Test
    void anUnknownStateIsAUsageError() {
        CliHarness.Run run = inTest.onStore("list", "--state", "LOST");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("LOST"), run.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("list", "show", "stats", "retry", "discard", "reroute", "import-go", "export", "verify")) {
            CliHarness.Run run = inTest.run(command, "--help");
            assertEquals(0, run.code(), run::toString);
            assertTrue(run.out().contains("Usage: batchyard " + command), run.out());
            assertTrue(run.out().contains("--store"), run.out());
        }
    }

    static JsonNode byId(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no batch " + id + " in " + array);
    }

    static List<String> ids(CliHarness.Run run) {
        assertEquals(0, run.code(), run::toString);
        List<String> ids = new ArrayList<>();
        run.json().forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }
}
