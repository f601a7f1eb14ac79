package dev.batchyard.legacy.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.EntryFailure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import into a real store, reopen, export: every unchanged entry comes back as the same line. */
class DlqRoundTripTest {
    @TempDir
    Path tmp;

    private final DlqLineFormat format = DlqSamples.format();

    private Path dlq() throws Exception {
        return Files.createDirectories(tmp.resolve("dlq"));
    }

    private BatchPersistence open(PersistenceConfig config) {
        return BatchPersistence.open(config, Delivery.none(), Clock.systemUTC());
    }

    private PersistenceConfig config() {
        return PersistenceConfig.defaults(tmp.resolve("store"));
    }

    private static Set<String> storedEntryIds(BatchPersistence engine) {
        Set<String> ids = new HashSet<>();
        for (BatchView v : engine.pendingBatches()) {
            engine.batch(v.id()).orElseThrow().failures().values().forEach(f -> ids.add(f.entryId()));
        }
        return ids;
    }

    private DlqImportReport importInto(BatchPersistence engine, Path dir, int maxEntries) {
        Set<String> stored = storedEntryIds(engine);
        return DlqImport.standard(maxEntries).importInto(dir, stored::contains, engine::persistBatch);
    }

    /** Every stored entry as the line the export writes, by entry id. */
    private Map<String, byte[]> exported(BatchPersistence engine) {
        Map<String, byte[]> lines = new LinkedHashMap<>();
        for (BatchView v : engine.pendingBatches()) {
            Batch b = engine.batch(v.id()).orElseThrow();
            for (int i = 0; i < b.entries().size(); i++) {
                EntryFailure f = b.failureOf(i).orElseThrow();
                lines.put(f.entryId(), format.write(b.entries().get(i), f));
            }
        }
        return lines;
    }

    /** The entry lines of a directory as read, by entry id, each with its newline. */
    private Map<String, byte[]> lines(Path dir) {
        Collected c = new Collected();
        new DlqDirectory(new DlqFileReader(format)).scan(dir, c);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (DeadLetter l : c.letters) {
            out.put(l.entryId(), format.write(l.entry(), l.failure()));
        }
        return out;
    }

    private static void assertSameLines(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((id, line) -> assertArrayEquals(line, actual.get(id), () -> id + ":\n"
                + new String(line, StandardCharsets.UTF_8) + new String(actual.get(id), StandardCharsets.UTF_8)));
    }

    @Test
    void theGoSampleComesBackByteForByteAfterImportReopenAndExport() throws Exception {
        Path dir = dlq();
        Files.write(dir.resolve(DlqSamples.SAMPLE), DlqSamples.sample());
        Map<String, String> before = DirectoryHashes.of(dir);
        try (BatchPersistence engine = open(config())) {
            DlqImportReport report = importInto(engine, dir, 100);
            assertEquals(3, report.entriesStored());
            assertEquals(List.of("loki", "kafka_sink", "timestamp_validator"),
                    report.stored().stream().map(DlqImportReport.StoredBatch::sink).toList());
        }
        try (BatchPersistence engine = open(config())) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (String id : List.of("loki_1796157612000000101_f1a2b3", "kafka_sink_1796157614000000202_d00d",
                    "timestamp_validator_1796157615000000303_f1a2b3")) {
                all.writeBytes(exported(engine).get(id));
            }
            assertArrayEquals(DlqSamples.sample(), all.toByteArray());
            BatchView loki = engine.pendingBatches().stream().filter(v -> v.sink().equals("loki")).findFirst().orElseThrow();
            assertEquals("send_error: loki push failed: server returned HTTP status 500 Internal Server Error",
                    loki.failureReason());
            assertEquals(DlqToEngine.CONTEXT, loki.context());
        }
        assertEquals(before, DirectoryHashes.of(dir));
    }

    @Test
    void generatedFilesWithHostileValuesComeBackByteForByteAndEveryDamagedLineIsNamed() throws Exception {
        Path dir = dlq();
        GeneratedLetters gen = new GeneratedLetters(22);
        int n = 0;
        for (String name : List.of("dlq_20261201_100000.log", "dlq_20261201_110000.log", "dlq_20261201_120000.log")) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            for (int i = 0; i < 120; i++) {
                file.writeBytes(format.write(gen.entry(), gen.failure("e" + n++)));
            }
            if (name.endsWith("110000.log")) {
                file.writeBytes("not json\n{\"hello\":\"world\"}\n".getBytes(StandardCharsets.UTF_8));
            }
            if (name.endsWith("120000.log")) {
                byte[] last = format.write(gen.entry(), gen.failure("cut"));
                file.write(last, 0, last.length / 2);
            }
            Files.write(dir.resolve(name), file.toByteArray());
        }
        Map<String, String> before = DirectoryHashes.of(dir);
        Map<String, byte[]> read = lines(dir);
        assertEquals(360, read.size());
        try (BatchPersistence engine = open(config())) {
            DlqImportReport report = importInto(engine, dir, 50);
            assertEquals(360, report.entriesStored());
            assertTrue(report.stored().stream().allMatch(b -> b.entries() <= 50));
            assertEquals(List.of("dlq_20261201_110000.log:121: not JSON", "dlq_20261201_110000.log:122: not an entry",
                    "dlq_20261201_120000.log:121: cut short"), report.damaged().stream()
                    .map(d -> d.file().getFileName() + ":" + d.line() + ": " + d.problem().label()).toList());
        }
        try (BatchPersistence engine = open(config())) {
            assertSameLines(read, exported(engine));
        }
        assertEquals(before, DirectoryHashes.of(dir));
    }

    @Test
    void importingAgainStoresNothingAndAppendedLinesAreStoredOnce() throws Exception {
        Path dir = dlq();
        Path file = Files.write(dir.resolve(DlqSamples.SAMPLE), DlqSamples.sample());
        GeneratedLetters gen = new GeneratedLetters(7);
        try (BatchPersistence engine = open(config())) {
            importInto(engine, dir, 2);
            int batches = engine.pendingBatches().size();
            DlqImportReport again = importInto(engine, dir, 2);
            assertEquals(List.of(), again.stored());
            assertEquals(Map.of(LineProblem.DUPLICATE, 3L), again.damagedByProblem());
            assertEquals(batches, engine.pendingBatches().size());

            List<byte[]> appended = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                appended.add(format.write(gen.entry(), gen.failure("appended" + i).toBuilder().sink("loki").build()));
                Files.write(file, appended.get(i), java.nio.file.StandardOpenOption.APPEND);
            }
            DlqImportReport third = importInto(engine, dir, 2);
            assertEquals(3, third.entriesStored());
            assertEquals(Map.of(LineProblem.DUPLICATE, 3L), third.damagedByProblem());
            assertEquals(6, storedEntryIds(engine).size());
            assertEquals(6, engine.pendingBatches().stream().mapToInt(BatchView::entryCount).sum());
        }
    }

    @Test
    void aDryRunStoresNothingAndNamesTheSameBatches() throws Exception {
        Path dir = dlq();
        Files.write(dir.resolve(DlqSamples.SAMPLE), DlqSamples.sample());
        try (BatchPersistence engine = open(config())) {
            DlqImportReport dry = DlqImport.standard(100).dryRun(dir, id -> false);
            assertEquals(List.of(), engine.pendingBatches());
            DlqImportReport real = importInto(engine, dir, 100);
            assertEquals(real.stored(), dry.stored());
        }
    }

    @Test
    void aFullStoreIsReportedPerBatchAndARerunFinishesTheImport() throws Exception {
        Path dir = dlq();
        Files.write(dir.resolve(DlqSamples.SAMPLE), DlqSamples.sample());
        PersistenceConfig one = config();
        one = new PersistenceConfig(true, one.directory(), 1, one.batchTimeout(), one.maxRecoveryRetries(),
                one.recoveryBackoffBase(), one.recoveryBackoffMax(), one.cleanupInterval(), one.batchTtl());
        try (BatchPersistence engine = open(one)) {
            DlqImportReport report = importInto(engine, dir, 100);
            assertEquals(1, report.stored().size());
            assertEquals(List.of(true, true), report.notStored().stream().map(DlqImportReport.NotStored::storeFull).toList());
        }
        try (BatchPersistence engine = open(config())) {
            DlqImportReport rest = importInto(engine, dir, 100);
            assertEquals(2, rest.stored().size());
            assertEquals(3, storedEntryIds(engine).size());
        }
    }
}
