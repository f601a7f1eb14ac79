package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.BatchPersistence;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** restore, audit and the bulk commands' --dry-run. */
class DeadLetterCommandsTest {
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

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(new ObjectMapper().readTree(line));
            }
        }
        return lines;
    }

    @Test
    void restoreBringsBackADiscardedBatchThatShowFindsAgain() {
        inTest.onStore("discard", "a-1", "--reason", "oops");
        assertEquals(1, inTest.onStore("show", "a-1").code(), "discarded: show does not find it");

        CliHarness.Run run = inTest.onStore("restore", "a-1");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("ok      a-1: restored"), run.out());
        assertEquals(0, inTest.onStore("show", "a-1").code());
    }

    @Test
    void restoringABatchThatWasNotDiscardedNamesTheIdAndFails() {
        CliHarness.Run run = inTest.onStore("restore", "b-2", "zz-9");

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("failed  b-2: not discarded"), run.out());
        assertTrue(run.out().contains("failed  zz-9"), run.out());
    }

    @Test
    void discardAllDryRunPrintsTheCountAndChangesNothing() {
        CliHarness.Run run = inTest.onStore("discard", "--all", "--dry-run");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("would touch 2 batches, 8 entries"), run.out());
        assertTrue(run.out().contains("Nothing was changed."), run.out());
        try (BatchPersistence engine = inTest.open()) {
            assertEquals(2, engine.pendingBatches().size());
        }
    }

    @Test
    void aDryRunAsJsonGivesThePreviewPerSinkAndTheIdsNotStored() {
        CliHarness.Run run = inTest.onStore("reroute", "a-1", "zz-9", "--to", "kafka", "--dry-run", "--json");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.json().get("dry_run").asBoolean());
        assertEquals(1, run.json().get("batches").asInt());
        assertEquals(3, run.json().get("per_sink").get("loki").get("entries").asInt());
        assertEquals("zz-9", run.json().get("not_stored").get(0).asText());
    }

    @Test
    void discardByStateDiscardsWhatMatches() {
        CliHarness.Run run = inTest.onStore("discard", "--sink", "loki", "--reason", "tenant gone");

        assertEquals(0, run.code(), run::toString);
        try (BatchPersistence engine = inTest.open()) {
            assertFalse(engine.find("a-1").isPresent());
            assertTrue(engine.find("b-2").isPresent());
        }
    }

    @Test
    void discardWithIdsAndAFilterIsAUsageError() {
        assertEquals(2, inTest.onStore("discard", "a-1", "--all", "--reason", "x").code());
    }

    @Test
    void auditJsonListsTheDiscardWithItsIdAsWritten() throws Exception {
        inTest.onStore("discard", "a-1", "--reason", "oops", "--as", "ana");

        CliHarness.Run run = inTest.onStore("audit", "--json", "--action", "discard");

        assertEquals(0, run.code(), run::toString);
        List<JsonNode> lines = jsonLines(run.out());
        assertEquals(1, lines.size(), run.out());
        assertEquals("ana", lines.get(0).get("actor").asText());
        assertEquals("a-1", lines.get(0).get("results").get(0).get("id").asText());
    }

    @Test
    void auditFiltersByActorAndIdAndPrintsATable() {
        inTest.onStore("discard", "a-1", "--reason", "oops", "--as", "ana");
        inTest.onStore("discard", "b-2", "--reason", "oops", "--as", "bob");

        CliHarness.Run run = inTest.onStore("audit", "--actor", "bob");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("b-2") && !run.out().contains("a-1"), run.out());
        assertTrue(inTest.onStore("audit", "--id", "zz-9").out().contains("No audit lines match."));
    }

    @Test
    void aSinceThatIsNotADurationIsAUsageErrorNamingTheValue() {
        CliHarness.Run run = inTest.onStore("audit", "--since", "yesterday");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("'yesterday'"), run.err());
    }

    @Test
    void anUnknownStateNameIsAUsageErrorNamingIt() {
        CliHarness.Run run = inTest.onStore("discard", "--state", "ZOMBIE", "--dry-run");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("ZOMBIE"), run.err());
    }
}
