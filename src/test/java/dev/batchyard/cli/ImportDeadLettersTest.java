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

    @Test
    void exportToADeadLetterDirectoryWritesTheSourceLinesBackInANewFile() throws Exception {
        inTest.onStore("import-go", dlqDir.toString());
        Path out = tmp.resolve("out");
        CliHarness.Run run = inTest.onStore("export", "--all", "--go-dlq-dir", out.toString());

        assertEquals(0, run.code(), run::toString);
        String name = "dlq_20261126_180000.log"; // the harness's clock, in its zone (UTC)
        assertEquals(3, run.out().lines().filter(l -> l.contains("1 entry written to ") && l.endsWith(name)).count(),
                run::toString);
        List<String> source = Files.readString(dlqDir.resolve("dlq_20261201_174012.log")).lines().limit(3).sorted().toList();
        assertEquals(source, Files.readString(out.resolve(name)).lines().sorted().toList());
        assertTrue(Files.readString(out.resolve(name)).endsWith("\n"));
    }

    @Test
    void exportToADeadLetterDirectoryNeverOverwritesAFile() throws Exception {
        inTest.onStore("import-go", dlqDir.toString());
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("dlq_20261126_180000.log"), "the agent's\n");
        CliHarness.Run run = inTest.onStore("export", "--all", "--go-dlq-dir", out.toString(), "--json");

        assertEquals(0, run.code(), run::toString);
        assertEquals("the agent's\n", Files.readString(out.resolve("dlq_20261126_180000.log")));
        assertEquals(3, Files.readString(out.resolve("dlq_20261126_180001.log")).lines().count());
        assertEquals(3, run.json().get("done").asInt());
    }

    @Test
    void overwriteIsAUsageErrorWithADeadLetterDirectory() {
        CliHarness.Run run = inTest.onStore("export", "--all", "--go-dlq-dir", tmp.resolve("out").toString(),
                "--overwrite");

        assertEquals(2, run.code(), run::toString);
        assertTrue(run.err().contains("--overwrite does not apply to --go-dlq-dir"), run::toString);
    }

    @Test
    void anUnknownIdIsReportedAndTheOthersExported() {
        inTest.onStore("import-go", dlqDir.toString());
        String loki;
        try (BatchPersistence engine = inTest.open()) {
            loki = engine.pendingBatches().stream().filter(v -> v.sink().equals("loki")).findFirst().orElseThrow().id();
        }
        CliHarness.Run run = inTest.onStore("export", "nope", loki, loki, "--go-dlq-dir", tmp.resolve("out").toString());

        assertEquals(1, run.code(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run::toString);
        assertTrue(lines.get(0).contains("nope"), run::toString);
        assertTrue(lines.get(1).contains("1 entry written to "), run::toString);
    }

    @Test
    void showJsonCarriesEachEntrysError() throws Exception {
        inTest.onStore("import-go", dlqDir.toString());
        String loki;
        try (BatchPersistence engine = inTest.open()) {
            loki = engine.pendingBatches().stream().filter(v -> v.sink().equals("loki")).findFirst().orElseThrow().id();
        }
        CliHarness.Run run = inTest.onStore("show", loki, "--json");

        assertEquals(0, run.code(), run::toString);
        JsonNode failure = run.json().get("entry_failures").get(0);
        assertEquals(0, failure.get("entry_index").asInt());
        assertEquals("loki push failed: server returned HTTP status 500 Internal Server Error",
                failure.get("error_message").asText());
        assertEquals("send_error", failure.get("error_type").asText());
        assertEquals("loki_1796157612000000101_f1a2b3", failure.get("entry_id").asText());
        assertEquals("100", failure.get("context").get("batch_size").asText());
        assertEquals("GET /api/orders 502 upstream reset", run.json().get("entries").get(0).get("message").asText());
    }

    @Test
    void listShowsABatchPerFailedSink() {
        inTest.onStore("import-go", dlqDir.toString());
        CliHarness.Run run = inTest.onStore("list", "--json");

        assertEquals(0, run.code(), run::toString);
        List<String> sinks = new java.util.ArrayList<>();
        run.json().forEach(b -> sinks.add(b.get("sink").asText()));
        assertEquals(List.of("kafka_sink", "loki", "timestamp_validator"), sinks.stream().sorted().toList(),
                run::toString);
    }
}
