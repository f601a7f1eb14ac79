package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.model.LogEntry;
import dev.batchyard.runtime.ConfigFileSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log content and failure reasons come from outside; nothing the CLI prints lets them act on the
 * operator's terminal: no raw ESC, BEL, CR, C1 control or bidi override reaches stdout or stderr,
 * in the human output or the JSON.
 */
class HostileTerminalTextTest {
    private static final String RED = "\u001b[31mred\u001b[0m";
    private static final String TITLE = "\u001b]0;pwned\u0007";
    private static final String CSI = "\u009b2J";
    private static final String BIDI = "txt.\u202Eexe";
    private static final String REASON = "HTTP 500: " + CSI + " \r overwritten";

    @TempDir
    Path tmp;

    CliHarness inTest;

    @BeforeEach
    void seed() {
        inTest = new CliHarness(tmp.resolve("store"));
        LogEntry hostile = LogEntry.builder().traceId("t-1").message("GET / " + RED).level(TITLE)
                .sourceType("file").sourceId(BIDI).labels(Map.of("k", RED)).build();
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("h-1", List.of(hostile), "loki");
            engine.markBatchFailed("h-1", REASON);
        }
    }

    private static void assertNoRawControl(String printed) {
        printed.codePoints().forEach(cp -> {
            boolean lineBreak = cp == '\n';
            int type = Character.getType(cp);
            assertTrue(lineBreak || (type != Character.CONTROL && type != Character.FORMAT),
                    () -> String.format("raw U+%04X in:%n%s", cp, printed));
        });
    }

    @Test
    void showPrintsLogContentAndTheReasonEscaped() {
        CliHarness.Run run = inTest.onStore("show", "h-1");

        assertEquals(0, run.code(), run::toString);
        assertNoRawControl(run.out());
        assertTrue(run.out().contains("GET / \\u001B[31mred\\u001B[0m"), run.out());
        assertTrue(run.out().contains("\\u009B2J"), run.out());
        assertTrue(run.out().contains("txt.\\u202Eexe"), run.out());
    }

    @Test
    void listPrintsTheReasonEscaped() {
        CliHarness.Run run = inTest.onStore("list");

        assertNoRawControl(run.out());
        assertTrue(run.out().contains("\\u009B2J"), run.out());
    }

    @Test
    void listJsonEscapesWhatJsonLeavesRawAndKeepsTheValue() {
        CliHarness.Run run = inTest.onStore("list", "--json");

        assertNoRawControl(run.out());
        assertEquals(REASON, run.json().get(0).get("failure_reason").asText());
    }

    @Test
    void showJsonEscapesWhatGoLeavesRawAndKeepsEveryValue() {
        CliHarness.Run run = inTest.onStore("show", "h-1", "--json");

        assertNoRawControl(run.out());
        JsonNode entry = run.json().get("entries").get(0);
        assertEquals("GET / " + RED, entry.get("message").asText());
        assertEquals(TITLE, entry.get("level").asText());
        assertEquals(BIDI, entry.get("source_id").asText());
        assertEquals(REASON, run.json().get("failure_reason").asText());
    }

    @Test
    void aConfigErrorQuotingAHostileValuePrintsItEscaped() throws Exception {
        Path config = Files.writeString(tmp.resolve("config.yaml"), "persistence:\n  batch_ttl: \"\\e[31m1h\"\n");
        inTest.setup = new ConfigFileSetup(inTest.clock);

        CliHarness.Run run = inTest.run("list", "--config", config.toString());

        assertEquals(1, run.code(), run::toString);
        assertNoRawControl(run.err());
        assertTrue(run.err().contains("\\u001B[31m1h"), run.err());
    }
}
