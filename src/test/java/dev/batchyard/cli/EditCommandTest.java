package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.model.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code edit}: each kind of edit, what it prints, the undo through {@code restore}, and refusals that change nothing. */
class EditCommandTest {
    @TempDir
    Path tmp;

    private CliHarness seeded() {
        CliHarness inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a", Samples.entries(4), "loki");
            engine.persistBatch("b", Samples.entries(2), "loki");
        }
        return inTest;
    }

    private List<LogEntry> entries(CliHarness inTest, String id) {
        try (BatchPersistence engine = inTest.open()) {
            return engine.batch(id).orElseThrow().entries();
        }
    }

    @Test
    void removeReplaceLabelAndTakeItBack() throws Exception {
        CliHarness inTest = seeded();
        LogEntry second = entries(inTest, "a").get(1);

        CliHarness.Run remove = inTest.onStore("edit", "a", "--remove-entries", "0", "--as", "ana");
        assertEquals(0, remove.code(), remove::toString);
        assertTrue(remove.out().startsWith("Edited a: 4 → 3 entries; the version before is kept as a.before-edit"),
                remove.out());
        assertTrue(remove.out().contains("entry 0 removed"), remove.out());
        assertEquals(second, entries(inTest, "a").get(0));

        Path file = tmp.resolve("entry.json");
        Files.writeString(file, new GoJson().toJson(second.toBuilder().message("fixed by hand").build(), true));
        CliHarness.Run replace = inTest.onStore("edit", "a", "--entry", "0", "--from", file.toString(), "--json");
        assertEquals(0, replace.code(), replace::toString);
        assertEquals("a.before-edit-2", replace.json().get("edited").get(0).get("previous_version").asText());
        assertEquals("fixed by hand", entries(inTest, "a").get(0).message());

        CliHarness.Run label = inTest.onStore("edit", "a", "b", "--set-label", "tenant=acme");
        assertEquals(0, label.code(), label::toString);
        assertTrue(entries(inTest, "b").stream().allMatch(e -> "acme".equals(e.labels().get("tenant"))));

        CliHarness.Run undo = inTest.onStore("restore", "b.before-edit");
        assertEquals(0, undo.code(), undo::toString);
        assertTrue(entries(inTest, "b").stream().noneMatch(e -> e.labels() != null && e.labels().containsKey("tenant")),
                "the label edit of b is taken back");

        CliHarness.Run audit = inTest.onStore("audit", "--json");
        assertTrue(audit.out().contains("\"edit\"") && audit.out().contains("ana") && audit.out().contains("fixed by hand"),
                audit.out());
    }

    @Test
    void refusalsSayWhyAndChangeNothing() throws Exception {
        CliHarness inTest = seeded();
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"message\": \"unterminated");

        CliHarness.Run json = inTest.onStore("edit", "a", "--entry", "1", "--from", bad.toString());
        assertEquals(1, json.code(), json::toString);
        assertTrue(json.err().contains("entry 1 of batch 'a': the edit is not a log entry as JSON"), json.err());

        CliHarness.Run all = inTest.onStore("edit", "b", "--remove-entries", "0-1");
        assertEquals(1, all.code(), all::toString);
        assertTrue(all.err().contains("would leave it empty"), all.err());

        CliHarness.Run key = inTest.onStore("edit", "a", "--set-label", "=v");
        assertEquals(1, key.code(), key::toString);
        assertTrue(key.err().contains("the label key is empty"), key.err());

        CliHarness.Run noValue = inTest.onStore("edit", "a", "--set-label", "tenant");
        assertEquals(1, noValue.code(), noValue::toString);
        assertTrue(noValue.err().contains("KEY=VALUE"), noValue.err());

        CliHarness.Run two = inTest.onStore("edit", "a", "b", "--remove-entries", "0");
        assertEquals(1, two.code(), two::toString);
        assertTrue(two.err().contains("only --set-label and --remove-label take several"), two.err());

        CliHarness.Run missing = inTest.onStore("edit", "nope", "--remove-entries", "0");
        assertEquals(1, missing.code(), missing::toString);
        assertTrue(missing.err().contains("nope"), missing.err());

        assertEquals(4, entries(inTest, "a").size());
        assertEquals(2, entries(inTest, "b").size());
    }
}
