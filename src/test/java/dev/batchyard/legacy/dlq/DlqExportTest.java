package dev.batchyard.legacy.dlq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchPersistence;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.Delivery;
import dev.batchyard.engine.PersistenceConfig;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.EntryFailure;
import dev.batchyard.model.LogEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batches back to the Go agent's dead-letter files: the same lines, new files, nothing overwritten. */
class DlqExportTest {
    /** 2026-12-01 17:40:12 in São Paulo (-03:00), the sample file's own name. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T20:40:12Z"), ZoneId.of("America/Sao_Paulo"));
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 250, ZoneOffset.ofHours(-3));

    @TempDir
    Path tmp;

    private final DlqLineFormat format = DlqSamples.format();

    private DlqExport inTest(Path out, long maxFileBytes) {
        return new DlqExport(format, CLOCK, out, maxFileBytes);
    }

    private static BatchPersistence open(Path store) {
        return BatchPersistence.open(PersistenceConfig.defaults(store), Delivery.none(), Clock.systemUTC());
    }

    /** The file's whole lines, each with its newline (a cut last line is left out). */
    private static List<byte[]> linesOf(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(file, from, i + 1));
                from = i + 1;
            }
        }
        return out;
    }

    /** Every line of every file in {@code dir}, by its entry id. */
    private Map<String, byte[]> linesById(Path dir) throws Exception {
        Map<String, byte[]> out = new HashMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                for (byte[] line : linesOf(Files.readAllBytes(f))) {
                    DlqLine read = format.read(f, 0, line, line.length - 1, false);
                    if (read instanceof DeadLetter l) {
                        assertEquals(null, out.put(l.entryId(), line), l.entryId());
                    }
                }
            }
        }
        return out;
    }

    private static void assertSameLines(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((id, line) -> assertArrayEquals(line, actual.get(id), () -> id + ":\n"
                + new String(line, StandardCharsets.UTF_8) + new String(actual.get(id), StandardCharsets.UTF_8)));
    }

    private List<DlqExport.WrittenFile> exportAll(BatchPersistence engine, Path out, long maxFileBytes) {
        DlqExport export = inTest(out, maxFileBytes);
        for (BatchView v : engine.pendingBatches()) {
            export.add(engine.batch(v.id()).orElseThrow());
        }
        return export.finish();
    }

    private static BatchView view(String id, OffsetDateTime lastAttempt, String reason, int entries) {
        return new BatchView(id, "loki", BatchState.RETRY_WAIT, entries, 0, CREATED, lastAttempt, 4, reason, null,
                Map.of(), List.of());
    }

    private static Batch wholeBatchFailure(String id, int entries) {
        List<LogEntry> list = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            list.add(LogEntry.builder().timestamp(CREATED).message("m" + i).sourceId("same-source").build());
        }
        return new Batch(view(id, null, "HTTP 503", entries), list);
    }

    @Test
    void importedSampleAndHostileFilesComeBackAsTheSameLinesAndTheSourceIsUnchanged() throws Exception {
        Path dlq = Files.createDirectories(tmp.resolve("dlq"));
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        sample.writeBytes(DlqSamples.sample());
        sample.writeBytes((DlqSamples.HOSTILE.replace("\"f\":0.1,", "\"f\":0.1,\"g\":-0,") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        sample.writeBytes("not json\n{\"hello\":\"world\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(dlq.resolve(DlqSamples.SAMPLE), sample.toByteArray());
        GeneratedLetters gen = new GeneratedLetters(2222);
        ByteArrayOutputStream generated = new ByteArrayOutputStream();
        for (int i = 0; i < 150; i++) {
            generated.writeBytes(format.write(gen.entry(), gen.failure("gen" + i)));
        }
        byte[] cut = format.write(gen.entry(), gen.failure("cut"));
        generated.write(cut, 0, cut.length / 2);
        Files.write(dlq.resolve("dlq_20261201_180000.log"), generated.toByteArray());
        Map<String, String> before = DirectoryHashes.of(dlq);
        Map<String, byte[]> source = linesById(dlq);
        assertEquals(154, source.size());

        try (BatchPersistence engine = open(tmp.resolve("store"))) {
            DlqImport.standard(40).importInto(dlq, id -> false, engine::persistBatch);
        }
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        try (BatchPersistence engine = open(tmp.resolve("store"))) {
            List<DlqExport.WrittenFile> files = exportAll(engine, out, DlqExport.MAX_FILE_BYTES);
            assertEquals(1, files.size());
            assertEquals(out.resolve(DlqSamples.SAMPLE), files.get(0).file());
            assertEquals(154, files.get(0).lines());
        }
        assertSameLines(source, linesById(out));
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                byte[] bytes = Files.readAllBytes(f);
                assertEquals('\n', bytes[bytes.length - 1], f + " ends with a whole line");
            }
        }
        assertEquals(before, DirectoryHashes.of(dlq));
    }

    @Test
    void eachEntryOfABatchThatFailedAsAWholeGetsTheBatchsFailure() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        DlqExport export = inTest(out, DlqExport.MAX_FILE_BYTES);
        export.add(wholeBatchFailure("b1", 3));
        export.finish();
        Collected c = new Collected();
        new DlqDirectory(new DlqFileReader(format)).scan(out, c);
        assertEquals(List.of(), c.damage());
        assertEquals(3, c.letters.size());
        EntryFailure first = c.letters.get(0).failure();
        assertEquals(CREATED, first.at());
        assertEquals("HTTP 503", first.message());
        assertEquals(DlqFromEngine.ERROR_TYPE, first.errorType());
        assertEquals("loki", first.sink());
        assertEquals(4, first.retryCount());
        assertEquals(Map.of("batch_id", "b1"), first.context());
        assertEquals(EntryFailure.ZERO_TIME, first.lastReprocessAttempt());
        assertEquals(CREATED.plusMinutes(5), first.nextReprocessTime());
        assertTrue(first.reprocessingEnabled());
        assertEquals(List.of("loki_1796126400000000250_same-source", "loki_1796126400000000251_same-source",
                "loki_1796126400000000252_same-source"), c.letters.stream().map(DeadLetter::entryId).toList());
    }

    @Test
    void entryIdsStayUniqueAcrossBatchesFailedAtTheSameTimeAndAReimportTakesEveryEntry() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        DlqExport export = inTest(out, DlqExport.MAX_FILE_BYTES);
        export.add(wholeBatchFailure("b1", 3));
        export.add(wholeBatchFailure("b2", 3));
        export.finish();
        try (BatchPersistence engine = open(tmp.resolve("store"))) {
            DlqImportReport report = DlqImport.standard(100).importInto(out, id -> false, engine::persistBatch);
            assertEquals(6, report.entriesStored());
            assertEquals(List.of(), report.damaged());
        }
    }

    @Test
    void theSameBatchGivesTheSameEntryIdsEveryTime() throws Exception {
        Path one = Files.createDirectories(tmp.resolve("one"));
        Path two = Files.createDirectories(tmp.resolve("two"));
        for (Path out : List.of(one, two)) {
            DlqExport export = inTest(out, DlqExport.MAX_FILE_BYTES);
            export.add(wholeBatchFailure("b1", 2));
            export.finish();
        }
        assertArrayEquals(Files.readAllBytes(one.resolve(DlqSamples.SAMPLE)), Files.readAllBytes(two.resolve(DlqSamples.SAMPLE)));
    }

    @Test
    void anExistingFileOrLinkIsLeftAloneAndTheNextFreeSecondIsTaken() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path existing = Files.writeString(out.resolve("dlq_20261201_174012.log"), "the agent's own\n");
        Path victim = Files.writeString(tmp.resolve("victim"), "not yours\n");
        Files.createSymbolicLink(out.resolve("dlq_20261201_174013.log"), victim);
        DlqExport export = inTest(out, DlqExport.MAX_FILE_BYTES);
        export.add(wholeBatchFailure("b1", 1));
        List<DlqExport.WrittenFile> files = export.finish();
        assertEquals(out.resolve("dlq_20261201_174014.log"), files.get(0).file());
        assertTrue(files.get(0).ok());
        assertEquals("the agent's own\n", Files.readString(existing));
        assertEquals("not yours\n", Files.readString(victim));
    }

    @Test
    void filesAreTheOwnersOnly() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        DlqExport export = inTest(out, DlqExport.MAX_FILE_BYTES);
        export.add(wholeBatchFailure("b1", 1));
        Path file = export.finish().get(0).file();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(List.of(file.getFileName().toString()), Files.list(out).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aFileTakesWholeBatchesUpToTheSizeLimitAndTheNextFileIsNamedASecondLater() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Batch b = wholeBatchFailure("b1", 3);
        long oneBatch = 0;
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            oneBatch += format.write(b.entries().get(i), DlqFromEngine.failureOf(b, i, taken)).length;
        }
        DlqExport export = inTest(out, oneBatch * 2);
        export.add(b);
        export.add(wholeBatchFailure("b2", 3));
        export.add(wholeBatchFailure("b3", 3));
        List<DlqExport.WrittenFile> files = export.finish();
        assertEquals(List.of(List.of("b1", "b2"), List.of("b3")), files.stream().map(DlqExport.WrittenFile::batchIds).toList());
        assertEquals(List.of(out.resolve("dlq_20261201_174012.log"), out.resolve("dlq_20261201_174013.log")),
                files.stream().map(DlqExport.WrittenFile::file).toList());
        assertEquals(List.of(6, 3), files.stream().map(DlqExport.WrittenFile::lines).toList());
    }

    @Test
    void nothingAddedWritesNoFile() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("out"));
        assertEquals(List.of(), inTest(out, DlqExport.MAX_FILE_BYTES).finish());
        assertFalse(Files.list(out).findAny().isPresent());
    }
}
