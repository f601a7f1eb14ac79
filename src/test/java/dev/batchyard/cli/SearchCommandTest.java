package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.model.LogEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batchyard search}: hits grouped by batch, JSON lines, grep's exit codes, refused queries. */
class SearchCommandTest {
    @TempDir
    Path tmp;

    CliHarness inTest;

    private static LogEntry entry(String level, String service, String message) {
        return LogEntry.builder().message(message).level(level).labels(Map.of("service", service)).build();
    }

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", List.of(entry("info", "api", "GET /orders 200"),
                    entry("error", "api", "POST /orders upstream timeout"),
                    entry("error", "web", "render timeout")), "loki");
            engine.persistBatch("b-2", List.of(entry("error", "api", "db timeout \u001b[31m red")), "elasticsearch");
            engine.persistBatch("c-3", List.of(entry("info", "api", "fine")), "loki");
        }
    }

    @Test
    void hitsArePrintedUnderTheirBatchWithTheEntrysIndex() {
        CliHarness.Run run = inTest.onStore("search", "level:error service=api timeout");

        assertEquals(0, run.code(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals("a-1  loki  PENDING", lines.get(0));
        assertTrue(lines.get(1).startsWith("  #1  ") && lines.get(1).endsWith("error  POST /orders upstream timeout"),
                lines.get(1));
        assertEquals("b-2  elasticsearch  PENDING", lines.get(2));
        assertEquals(4, lines.size(), run::toString);
        assertTrue(run.err().contains("2 hits in 2 batches; 3 of 3 batches read"), run.err());
    }

    @Test
    void aControlCharacterInAnEntryReachesTheTerminalEscaped() {
        CliHarness.Run run = inTest.onStore("search", "red");

        assertTrue(run.out().contains("\\u001B[31m red"), run.out());
        assertTrue(!run.out().contains("\u001b"), "no raw escape reaches the terminal");
    }

    @Test
    void jsonGivesOneLinePerHitWithTheEntryInGoShape() throws Exception {
        CliHarness.Run run = inTest.onStore("search", "--json", "--sink", "loki", "timeout");

        assertEquals(0, run.code(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run::toString);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals("a-1", first.get("batch_id").asText());
        assertEquals(1, first.get("entry_index").asInt());
        assertEquals("POST /orders upstream timeout", first.get("entry").get("message").asText());
        assertEquals("api", first.get("entry").get("labels").get("service").asText());
        assertEquals(2, new ObjectMapper().readTree(lines.get(1)).get("entry_index").asInt());
    }

    @Test
    void nothingFoundExitsOneLikeGrep() {
        CliHarness.Run run = inTest.onStore("search", "nowhere-to-be-found");

        assertEquals(1, run.code(), run::toString);
        assertEquals("", run.out());
        assertTrue(run.err().contains("0 hits"), run.err());
    }

    @Test
    void theLimitStopsTheSearchAndSaysThereMayBeMore() {
        CliHarness.Run run = inTest.onStore("search", "--limit", "1", "timeout");

        assertEquals(0, run.code(), run::toString);
        assertEquals(2, run.out().lines().count(), run::toString);
        assertTrue(run.err().contains("--limit 1"), run.err());
    }

    @Test
    void aQueryThatCannotBeReadIsAUsageErrorNamingTheColumn() {
        CliHarness.Run run = inTest.onStore("search", "level:\"error");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("column 7") && run.err().contains("never closed"), run.err());
    }
}
