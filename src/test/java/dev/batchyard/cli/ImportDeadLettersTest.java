package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import-go} on the Go agent's dead-letter directory. */
class ImportDeadLettersTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    Path dlqDir;

    @BeforeEach
    void setUp() throws Exception {
        inTest = new CliHarness(tmp.resolve("store"));
        dlqDir = Files.createDirectories(tmp.resolve("dlq"));
        String sample;
        try (InputStream in = getClass().getResourceAsStream("/legacy-go-dlq/dlq_20261201_174012.log")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String first = sample.substring(0, sample.indexOf('\n') + 1);
        Files.writeString(dlqDir.resolve("dlq_20261201_174012.log"), sample + "not json\n{\"hello\":\"world\"}\n"
                + first.substring(0, 70));
    }

    @Test
    void importsEveryEntryAndNamesEachSkippedLineWithFileAndLine() {
        CliHarness.Run run = inTest.onStore("import-go", dlqDir.toString());

        assertEquals(0, run.code(), run::toString);
        assertEquals(List.of(
                "skipped dlq_20261201_174012.log:4: not JSON: Unrecognized token 'not': was expecting (JSON String,"
                        + " Number, Array, Object or token 'null', 'true' or 'false') (column 1)",
                "skipped dlq_20261201_174012.log:5: JSON, but not a dead-letter entry: no original_entry: a JSON object,"
                        + " but not a dead-letter entry",
                "skipped dlq_20261201_174012.log:6: cut short: ends after 70 bytes, before its JSON does (a crash in the"
                        + " middle of the agent's append)",
                "imported 3 entries in 3 batches, skipped 3 lines"), run.out().lines().toList());
        try (BatchPersistence engine = inTest.open()) {
            assertEquals(List.of("kafka_sink", "loki", "timestamp_validator"),
                    engine.pendingBatches().stream().map(BatchView::sink).sorted().toList());
        }
    }

    @Test
    void importingAgainImportsNothing() {
        inTest.onStore("import-go", dlqDir.toString());
        CliHarness.Run again = inTest.onStore("import-go", dlqDir.toString());

        assertTrue(again.out().contains("imported 0 entries in 0 batches, skipped 6 lines"), again::toString);
        assertTrue(again.out().contains("dlq_20261201_174012.log:1: duplicate entry id: entry"
                + " 'loki_1796157612000000101_f1a2b3' is already stored"), again::toString);
    }

    @Test
    void aDryRunSaysWhatWouldBeImportedAndCreatesNoStore() throws Exception {
        CliHarness.Run run = inTest.onStore("import-go", "--dry-run", "--json", dlqDir.toString());

        assertEquals(0, run.code(), run::toString);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertEquals(3, report.get("entries_imported").asInt());
        assertEquals("loki", report.get("batches").get(0).get("sink").asText());
        assertEquals("dlq_20261201_174012.log:1", report.get("batches").get(0).get("first_line").asText());
        assertEquals(6, report.get("skipped_lines").get(2).get("line").asInt());
        assertEquals("CUT_SHORT", report.get("skipped_lines").get(2).get("problem").asText());
        assertTrue(Files.notExists(tmp.resolve("store")));
    }

    @Test
    void atMostNEntriesABatch() {
        Path more = dlqDir.resolve("dlq_20261201_180000.log");
        try {
            StringBuilder lines = new StringBuilder();
            String first = Files.readString(dlqDir.resolve("dlq_20261201_174012.log")).lines().findFirst().orElseThrow();
            for (int i = 0; i < 5; i++) {
                lines.append(first.replace("loki_1796", "loki_" + (i + 2) + "796")).append('\n');
            }
            Files.writeString(more, lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CliHarness.Run run = inTest.onStore("import-go", "--max-batch-entries", "2", dlqDir.toString());

        assertTrue(run.out().contains("imported 8 entries in 5 batches"), run::toString);
    }
}
