package dev.batchyard.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.runtime.Settings;
import dev.batchyard.runtime.SinkLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportTest {
    @TempDir
    Path tmp;

    CliHarness inTest;
    Path goDir;

    @BeforeEach
    void setUp() {
        inTest = new CliHarness(tmp.resolve("store"));
        goDir = Samples.goDirectory(tmp.resolve("go"));
    }

    @Test
    void importThenExportGivesByteIdenticalGoFiles() throws IOException {
        assertEquals(0, inTest.onStore("import-go", goDir.toString()).code());

        CliHarness.Run export = inTest.onStore("export", "--all", "--go-dir", tmp.resolve("out").toString());

        assertEquals(0, export.code(), export::toString);
        for (String id : new String[] {Samples.LOKI_ID, Samples.ES_ID}) {
            assertArrayEquals(Samples.goFile(id), Files.readAllBytes(tmp.resolve("out").resolve(Samples.fileName(id))),
                    id + " round trip");
        }
    }

    @Test
    void importKeepsIdSinkTimesRetriesReasonAndContext() {
        assertEquals(0, inTest.onStore("import-go", goDir.toString()).code());

        try (BatchPersistence engine = inTest.open()) {
            BatchView es = engine.find(Samples.ES_ID).orElseThrow();
            assertEquals("elasticsearch", es.sink());
            assertEquals("2026-11-26T15:11:12.000000789-03:00", es.createdAt().toString());
            assertEquals("2026-11-26T15:16:12.000000011-03:00", es.lastAttempt().toString());
            assertEquals(3, es.retryCount());
            assertEquals("elasticsearch bulk request failed: 503 Service Unavailable", es.failureReason());
            assertEquals(Map.of("created_by", "batch_persistence"), es.context());
            assertEquals(1, es.entryCount());
            assertEquals(null, engine.find(Samples.LOKI_ID).orElseThrow().lastAttempt(), "Go's zero time: never");
        }
    }

    @Test
    void importSaysWhyEachBadFileIsSkipped() throws IOException {
        Files.write(goDir.resolve("batch_empty.json"), new byte[0]);
        byte[] whole = Samples.goFile(Samples.LOKI_ID);
        Files.write(goDir.resolve("batch_cut.json"), Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(goDir.resolve("batch_text.json"), "this is not json");
        Files.writeString(goDir.resolve("batch_array.json"), "[1, 2, 3]");
        Files.writeString(goDir.resolve("batch_noid.json"), "{\"entries\": [], \"sink_type\": \"loki\"}");
        Files.writeString(goDir.resolve("batch_renamed.json"), new String(whole, StandardCharsets.UTF_8));
        Files.writeString(goDir.resolve("batch_badtype.json"), "{\"id\": \"badtype\", \"entries\": \"none\", \"sink_type\": \"loki\"}");

        CliHarness.Run run = inTest.onStore("import-go", goDir.toString());

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("skipped batch_empty.json: empty file"), run.out());
        assertTrue(run.out().contains("skipped batch_cut.json: cut short"), run.out());
        assertTrue(run.out().contains("skipped batch_text.json: not JSON"), run.out());
        assertTrue(run.out().contains("skipped batch_array.json: JSON, but not a Go batch"), run.out());
        assertTrue(run.out().contains("skipped batch_badtype.json: JSON, but not a Go batch"), run.out());
        assertTrue(run.out().contains("skipped batch_noid.json: the file name and the id inside differ"), run.out());
        assertTrue(run.out().contains("skipped batch_renamed.json: the file name and the id inside differ"), run.out());
        assertTrue(run.out().contains("imported 2, skipped 7"), run.out());
    }

    @Test
    void importSaysWhichBatchLevelKeysTheStoreCannotKeep() throws IOException {
        String go = new String(Samples.goFile(Samples.ES_ID), StandardCharsets.UTF_8)
                .replace("\"retry_count\": 3,", "\"retry_count\": 3,\n  \"agent_version\": \"2.1\",");
        Files.writeString(goDir.resolve(Samples.fileName(Samples.ES_ID)), go);

        CliHarness.Run run = inTest.onStore("import-go", goDir.toString());

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("imported 2, skipped 0"), run.out());
        assertTrue(run.err().contains(Samples.fileName(Samples.ES_ID)) && run.err().contains("agent_version"), run.err());
    }

    @Test
    void importJsonGivesAStableReasonPerFile() throws IOException {
        Files.write(goDir.resolve("batch_empty.json"), new byte[0]);
        inTest.onStore("import-go", goDir.toString());

        CliHarness.Run run = inTest.onStore("import-go", goDir.toString(), "--json", "--lang", "pt");

        assertEquals(0, run.code(), run::toString);
        assertEquals(0, run.json().get("imported").asInt());
        assertEquals(3, run.json().get("skipped").asInt());
        Map<String, String> reasons = new HashMap<>();
        run.json().get("files").forEach(f -> reasons.put(f.get("file").asText(), f.get("skip_reason").asText()));
        assertEquals(Map.of("batch_empty.json", "EMPTY", Samples.fileName(Samples.LOKI_ID), "present",
                Samples.fileName(Samples.ES_ID), "present"), reasons);
    }

    @Test
    void importJsonGivesEachFileItsStableCodeAndDetailExactly() throws IOException {
        String es = new String(Samples.goFile(Samples.ES_ID), StandardCharsets.UTF_8)
                .replace("\"retry_count\": 3,", "\"retry_count\": 3,\n  \"agent_version\": \"2.1\",");
        Files.writeString(goDir.resolve(Samples.fileName(Samples.ES_ID)), es);
        Files.write(goDir.resolve("batch_empty.json"), new byte[0]);
        Files.writeString(goDir.resolve("batch_sp ace.json"), lokiSampleWithId("sp ace"));
        Files.writeString(goDir.resolve("batch_third.json"), lokiSampleWithId("third"));
        try (BatchPersistence engine = inTest.open()) {
            engine.persistBatch(Samples.LOKI_ID, Samples.entries(1), "loki");
        }
        Path store = inTest.store;
        inTest.setup = (where, demo) -> new Settings(new PersistenceConfig(true, store, 2, Duration.ofMinutes(30),
                10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24)),
                SinkLayer.fixed(inTest.sinks, List.of()));

        CliHarness.Run run = inTest.onStore("import-go", goDir.toString(), "--json");

        assertEquals(1, run.code(), run::toString);
        assertEquals("""
                {
                  "dry_run" : false,
                  "imported" : 1,
                  "skipped" : 4,
                  "files" : [ {
                    "file" : "batch_3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11.json",
                    "imported" : false,
                    "skip_reason" : "present",
                    "detail" : "3f6c1a52-9b1e-4c39-a3d2-6b8f0e7d1c11"
                  }, {
                    "file" : "batch_batch-1764160000000000000.json",
                    "imported" : true,
                    "skip_reason" : null,
                    "detail" : "keys [agent_version]"
                  }, {
                    "file" : "batch_empty.json",
                    "imported" : false,
                    "skip_reason" : "EMPTY",
                    "detail" : "0 bytes"
                  }, {
                    "file" : "batch_sp ace.json",
                    "imported" : false,
                    "skip_reason" : "badId",
                    "detail" : "batch id 'sp ace' may only contain ASCII letters, digits and . _ : - \
                (and must start with a letter or digit)"
                  }, {
                    "file" : "batch_third.json",
                    "imported" : false,
                    "skip_reason" : "storeFull",
                    "detail" : "store STORE holds 2 batches, the limit (max_pending_batches) is 2; \
                batch 'third' was not stored"
                  } ]
                }
                """.replace("STORE", store.toString()), run.out());
    }

    private static String lokiSampleWithId(String id) {
        return new String(Samples.goFile(Samples.LOKI_ID), StandardCharsets.UTF_8)
                .replace("\"" + Samples.LOKI_ID + "\"", "\"" + id + "\"");
    }

    @Test
    void aSecondImportSkipsWhatIsAlreadyStored() {
        inTest.onStore("import-go", goDir.toString());

        CliHarness.Run again = inTest.onStore("import-go", goDir.toString());

        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("imported 0, skipped 2"), again.out());
        assertTrue(again.out().contains("skipped " + Samples.fileName(Samples.ES_ID) + ": id already present"), again.out());
    }

    @Test
    void importNeverChangesOrDeletesTheSourceFiles() throws IOException {
        Files.write(goDir.resolve("batch_cut.json"), "{\"id\": \"x".getBytes(StandardCharsets.UTF_8));
        Map<Path, String> before = snapshot(goDir);

        inTest.onStore("import-go", goDir.toString());

        assertEquals(before, snapshot(goDir));
    }

    @Test
    void aDryRunWritesNothingAndCreatesNoStore() {
        CliHarness.Run run = inTest.onStore("import-go", goDir.toString(), "--dry-run");

        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("would import 2, would skip 0"), run.out());
        assertFalse(Files.exists(inTest.store));
    }

    @Test
    void aDryRunIntoAStoreReportsTheIdsAlreadyThere() {
        inTest.onStore("import-go", goDir.toString());

        CliHarness.Run run = inTest.onStore("import-go", goDir.toString(), "--dry-run");

        assertTrue(run.out().contains("would import 0, would skip 2"), run.out());
    }

    @Test
    void importOfAMissingDirectoryFails() {
        CliHarness.Run run = inTest.onStore("import-go", tmp.resolve("absent").toString());

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.err().contains("absent"), run.err());
    }

    @Test
    void exportReportsAMissingIdAndStillWritesTheOthers() {
        inTest.onStore("import-go", goDir.toString());

        CliHarness.Run run = inTest.onStore("export", "no-such-batch", Samples.ES_ID, "--go-dir", tmp.resolve("out").toString());

        assertEquals(1, run.code(), run::toString);
        assertTrue(run.out().contains("no-such-batch"), run.out());
        assertTrue(Files.exists(tmp.resolve("out").resolve(Samples.fileName(Samples.ES_ID))));
    }

    @Test
    void exportLeavesAnExistingFileAloneUnlessOverwrite() throws IOException {
        inTest.onStore("import-go", goDir.toString());
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path existing = Files.writeString(out.resolve(Samples.fileName(Samples.ES_ID)), "keep me");

        CliHarness.Run refused = inTest.onStore("export", Samples.ES_ID, "--go-dir", out.toString());
        assertEquals(1, refused.code(), refused::toString);
        assertEquals("keep me", Files.readString(existing));

        CliHarness.Run forced = inTest.onStore("export", Samples.ES_ID, "--go-dir", out.toString(), "--overwrite");
        assertEquals(0, forced.code(), forced::toString);
        assertArrayEquals(Samples.goFile(Samples.ES_ID), Files.readAllBytes(existing));
    }

    @Test
    void exportNeedsIdsOrAll() {
        CliHarness.Run run = inTest.onStore("export", "--go-dir", tmp.resolve("out").toString());

        assertEquals(2, run.code(), run::toString);
    }

    @Test
    void showJsonIsTheGoPersistedBatch() throws IOException {
        inTest.onStore("import-go", goDir.toString());

        CliHarness.Run run = inTest.onStore("show", Samples.LOKI_ID, "--json");

        assertEquals(0, run.code(), run::toString);
        assertEquals(new ObjectMapper().readTree(Samples.goFile(Samples.LOKI_ID)), run.json());
    }

    private static Map<Path, String> snapshot(Path dir) throws IOException {
        Map<Path, String> out = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                FileTime modified = Files.getLastModifiedTime(f);
                out.put(f.getFileName(), Arrays.hashCode(Files.readAllBytes(f)) + "@" + modified);
            }
        }
        return out;
    }
}
