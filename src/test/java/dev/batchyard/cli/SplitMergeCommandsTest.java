package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code split} and {@code merge}: what they print, their dry runs, and their refusals, with nothing changed. */
class SplitMergeCommandsTest {
    @TempDir
    Path tmp;

    private CliHarness seeded() {
        CliHarness inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a", Samples.entries(6), "loki");
            engine.persistBatch("b", Samples.entries(1), "loki");
            engine.persistBatch("c", Samples.entries(2), "elasticsearch");
        }
        return inTest;
    }

    private java.util.List<String> ids(CliHarness inTest) {
        try (BatchPersistence engine = inTest.open()) {
            return engine.pendingBatches().stream().map(BatchView::id).sorted().toList();
        }
    }

    @Test
    void splitByEntriesChunksAndMergeBack() {
        CliHarness inTest = seeded();

        CliHarness.Run dry = inTest.onStore("split", "a", "--chunk", "4", "--dry-run");
        assertEquals(0, dry.code(), dry::toString);
        assertTrue(dry.out().startsWith("dry run: would replace a by 2 batches:"), dry.out());
        assertTrue(dry.out().contains("Nothing was changed."), dry.out());
        assertEquals(java.util.List.of("a", "b", "c"), ids(inTest));

        CliHarness.Run split = inTest.onStore("split", "a", "--entries", "1,3-4", "--as", "ana");
        assertEquals(0, split.code(), split::toString);
        assertTrue(split.out().contains("a.1: 3 entries, PENDING, from a [1,3-4]"), split.out());

        CliHarness.Run merge = inTest.onStore("merge", "a.2", "b", "--json");
        assertEquals(0, merge.code(), merge::toString);
        assertEquals("a.2.merged", merge.json().get("made").get(0).get("id").asText());
        assertEquals(4, merge.json().get("made").get(0).get("entries").asInt());
        assertEquals(java.util.List.of("a.1", "a.2.merged", "c"), ids(inTest));

        CliHarness.Run audit = inTest.onStore("audit", "--json");
        assertTrue(audit.out().contains("\"split\"") && audit.out().contains("\"merge\""), audit.out());
        assertTrue(audit.out().contains("ana"), audit.out());
    }

    @Test
    void refusalsSayWhyAndChangeNothing() {
        CliHarness inTest = seeded();

        CliHarness.Run one = inTest.onStore("split", "b", "--chunk", "1");
        assertEquals(1, one.code(), one::toString);
        assertTrue(one.err().contains("batch 'b' has 1 entry: there is nothing to split"), one.err());

        CliHarness.Run range = inTest.onStore("split", "a", "--entries", "2,9");
        assertEquals(1, range.code(), range::toString);
        assertTrue(range.err().contains("there is no entry 9"), range.err());

        CliHarness.Run typo = inTest.onStore("split", "a", "--entries", "2-x");
        assertEquals(1, typo.code(), typo::toString);
        assertTrue(typo.err().contains("'2-x' is not an entry index"), typo.err());

        CliHarness.Run sinks = inTest.onStore("merge", "a", "c");
        assertEquals(1, sinks.code(), sinks::toString);
        assertTrue(sinks.err().contains("only batches of one sink merge"), sinks.err());

        assertEquals(2, inTest.onStore("split", "a", "--chunk", "2", "--failed").code(), "one way only");
        assertEquals(2, inTest.onStore("merge", "a").code(), "two batches at least");
        assertEquals(java.util.List.of("a", "b", "c"), ids(inTest));
    }
}
