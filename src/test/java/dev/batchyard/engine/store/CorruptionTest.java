package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionTest {
    private static final long SEGMENT = 1024 * 1024;

    @TempDir
    Path tmp;

    /** A closed store of {@code count} batches b0..b(n-1) with no checkpoint; returns its directory. */
    private Path storeWith(int count, int entryBytes) throws Exception {
        Path dir = tmp.resolve("golden");
        try (LogStore store = LogStore.open(dir, false, SEGMENT, new StoreFiles.Reports())) {
            for (int i = 0; i < count; i++) {
                store.put(StoreFiles.put("b" + i, entryBytes), 100_000);
            }
        }
        Files.delete(dir.resolve(Checkpoint.FILE));
        return dir;
    }

    private static Set<String> ids(LogStore store) {
        return store.all().stream().map(StoredBatch::id).collect(Collectors.toSet());
    }

    private static Set<String> expected(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "b" + i).collect(Collectors.toSet());
    }

    @Test
    void aLastRecordCutAtAnyByteIsDroppedReportedAndEverythingBeforeItKept() throws Exception {
        Path golden = storeWith(5, 40);
        Path segment = StoreFiles.segments(golden).get(0);
        long fullSize = Files.size(segment);
        int lastFrame = StoreFiles.put("b4", 40).entries().length; // just to size the loop below
        long lastStart = fullSize - Frame.encode(StoreFiles.put("b4", 40)).length();
        assertTrue(lastFrame > 0 && lastStart > 0);
        for (long cut = lastStart; cut < fullSize; cut++) {
            Path dir = tmp.resolve("cut-" + cut);
            StoreFiles.copyTree(golden, dir);
            try (RandomAccessFile f = new RandomAccessFile(StoreFiles.segments(dir).get(0).toFile(), "rw")) {
                f.setLength(cut);
            }
            StoreFiles.Reports reports = new StoreFiles.Reports();
            try (LogStore inTest = LogStore.open(dir, false, SEGMENT, reports)) {
                assertEquals(expected(0, 4), ids(inTest), "cut at " + cut);
                if (anyNotZero(segment, lastStart, cut)) {
                    assertEquals(1, reports.seen.size(), "cut at " + cut + ": " + reports.seen);
                    assertTrue(reports.seen.get(0).contains("torn write at the end"), reports.seen.toString());
                    assertTrue(reports.seen.get(0).contains("@" + lastStart), reports.seen.toString());
                } else {
                    // torn after bytes that are all zeros (its length's high bytes), the record wrote nothing
                    // to tell from the unwritten rest of a pre-written segment: cut without a report
                    assertTrue(reports.seen.isEmpty(), "cut at " + cut + ": " + reports.seen);
                }
                inTest.put(StoreFiles.put("new", 10), 100); // and the store takes writes again
            }
            try (LogStore again = LogStore.open(dir, false, SEGMENT, new StoreFiles.Reports())) {
                assertTrue(ids(again).contains("new"));
                assertEquals(5, ids(again).size());
            }
            if (anyNotZero(segment, lastStart, cut)) {
                try (var kept = Files.list(dir.resolve("quarantine"))) {
                    assertEquals(1, kept.count(), "the cut bytes are kept aside");
                }
            }
        }
    }

    /** Whether the bytes of {@code file} from {@code from} to {@code to} hold one that is not zero. */
    private static boolean anyNotZero(Path file, long from, long to) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (long i = from; i < to; i++) {
            if (bytes[(int) i] != 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aFlippedByteInTheMiddleIsReportedWithFileAndOffsetAndTheSegmentKeptAside() throws Exception {
        Path golden = storeWith(50, 200);
        Random random = new Random(42);
        for (int trial = 0; trial < 25; trial++) {
            Path dir = tmp.resolve("flip-" + trial);
            StoreFiles.copyTree(golden, dir);
            Path segment = StoreFiles.segments(dir).get(0);
            long size = Files.size(segment);
            long offset = SegmentHeader.SIZE + (long) (random.nextDouble() * (size - SegmentHeader.SIZE) * 0.8);
            try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
                f.seek(offset);
                int b = f.read();
                f.seek(offset);
                f.write(b ^ (1 << random.nextInt(8)));
            }
            StoreFiles.Reports reports = new StoreFiles.Reports();
            try (LogStore inTest = LogStore.open(dir, false, SEGMENT, reports)) {
                Set<String> survivors = ids(inTest);
                assertTrue(survivors.size() >= 49, "one flipped byte costs at most one batch: " + survivors.size());
                assertTrue(expected(0, 50).containsAll(survivors));
                assertTrue(!reports.seen.isEmpty(), "damage is reported");
                assertTrue(reports.seen.get(0).startsWith(segment.getFileName().toString() + "@"), reports.seen.toString());
                for (String id : survivors) {
                    assertTrue(inTest.readEntries(id).isPresent(), id + " is readable after the rescue");
                }
            }
            assertTrue(Files.exists(dir.resolve("quarantine").resolve(segment.getFileName())), "the damaged segment is kept");
            try (LogStore again = LogStore.open(dir, false, SEGMENT, new StoreFiles.Reports())) {
                assertEquals(49, Math.min(49, ids(again).size()));
            }
        }
    }

    @Test
    void aZeroedPageIsReportedAndTheRecordsAroundItSurvive() throws Exception {
        Path golden = storeWith(200, 100);
        Path dir = tmp.resolve("zeroed");
        StoreFiles.copyTree(golden, dir);
        Path segment = StoreFiles.segments(dir).get(0);
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(8192);
            f.write(new byte[4096]);
        }
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore inTest = LogStore.open(dir, false, SEGMENT, reports)) {
            Set<String> survivors = ids(inTest);
            assertTrue(survivors.size() >= 200 - 4096 / 100 - 2, "records outside the page survive: " + survivors.size());
            assertTrue(survivors.containsAll(List.of("b0", "b199")));
            assertTrue(reports.seen.stream().anyMatch(r -> r.contains("@8")), reports.seen.toString());
        }
    }
}
