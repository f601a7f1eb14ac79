package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.BatchPersistence;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports and exports are audited: one line per run, naming the directory and every batch moved. */
class TransferAuditTest {
    @TempDir
    Path tmp;

    private List<JsonNode> auditLines(CliHarness inTest, String action) throws Exception {
        CliHarness.Run run = inTest.onStore("audit", "--json", "--action", action);
        assertEquals(0, run.code(), run::toString);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (!line.isBlank()) {
                lines.add(new ObjectMapper().readTree(line));
            }
        }
        return lines;
    }

    private static List<String> ids(JsonNode line) {
        List<String> ids = new ArrayList<>();
        line.get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    @Test
    void importGoOfABatchDirectoryIsOneAuditLineWithEveryImportedIdAndTheDirectory() throws Exception {
        CliHarness inTest = new CliHarness(tmp.resolve("store"));
        Path go = Samples.goDirectory(tmp.resolve("go"));

        assertEquals(0, inTest.onStore("import-go", go.toString()).code());

        List<JsonNode> lines = auditLines(inTest, "import");
        assertEquals(1, lines.size());
        assertEquals("from " + go.toAbsolutePath(), lines.get(0).get("detail").asText());
        assertEquals(2, ids(lines.get(0)).size());
        assertTrue(ids(lines.get(0)).contains(Samples.LOKI_ID), lines.get(0)::toString);
        assertEquals("imported", lines.get(0).get("results").get(0).get("reason").asText());
    }

    @Test
    void importGoOfDeadLetterFilesIsAuditedWithTheBatchesItMade() throws Exception {
        CliHarness inTest = new CliHarness(tmp.resolve("store"));
        Path dlq = Files.createDirectories(tmp.resolve("dlq"));
        try (InputStream in = getClass().getResourceAsStream("/legacy-go-dlq/dlq_20261201_174012.log")) {
            Files.write(dlq.resolve("dlq_20261201_174012.log"), in.readAllBytes());
        }

        assertEquals(0, inTest.onStore("import-go", dlq.toString()).code());

        List<JsonNode> lines = auditLines(inTest, "import");
        assertEquals(1, lines.size());
        List<String> stored = new ArrayList<>();
        inTest.onStore("list", "--json").json().forEach(b -> stored.add(b.get("id").asText()));
        assertEquals(stored.stream().sorted().toList(), ids(lines.get(0)).stream().sorted().toList());
    }

    @Test
    void aDryRunImportWritesNoAuditLine() throws Exception {
        CliHarness inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(1), "loki");
        }

        inTest.onStore("import-go", Samples.goDirectory(tmp.resolve("go")).toString(), "--dry-run");

        assertEquals(List.of(), auditLines(inTest, "import"));
    }

    @Test
    void exportToAGoDirectoryIsAuditedWithTheIdsWrittenOnly() throws Exception {
        CliHarness inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(1), "loki");
        }
        Path out = tmp.resolve("out");

        assertEquals(1, inTest.onStore("export", "a-1", "zz-9", "--go-dir", out.toString()).code());

        List<JsonNode> lines = auditLines(inTest, "export");
        assertEquals(1, lines.size());
        assertEquals(List.of("a-1"), ids(lines.get(0)));
        assertEquals("to " + out.toAbsolutePath(), lines.get(0).get("detail").asText());
    }

    @Test
    void exportAsDeadLetterLinesIsAudited() throws Exception {
        CliHarness inTest = new CliHarness(tmp.resolve("store"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch("a-1", Samples.entries(2), "loki");
        }

        assertEquals(0, inTest.onStore("export", "--all", "--go-dlq-dir", tmp.resolve("dlq").toString()).code());

        List<JsonNode> lines = auditLines(inTest, "export");
        assertEquals(1, lines.size());
        assertEquals(List.of("a-1"), ids(lines.get(0)));
    }
}
