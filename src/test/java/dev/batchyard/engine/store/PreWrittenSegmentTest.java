package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.nio.file.ExtendedOpenOption;
import dev.batchyard.model.DamageKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log writes into segments of zeros written ahead of time ({@link SpareSegment}): what it
 * acknowledged reads back after a close, a crash or a power cut, the zeros are never taken for
 * records or left on a closed store, and zeros where an older segment's records were are damage.
 */
class PreWrittenSegmentTest {
    private static final long SEGMENT = 64 * 1024;
    private static final int ENTRY_BYTES = 2_000;

    @TempDir
    Path tmp;

    private static Set<String> ids(LogStore store) {
        return store.all().stream().map(StoredBatch::id).collect(Collectors.toSet());
    }

    private static Path spare(Path store) {
        return store.resolve("segments").resolve(SpareSegment.NAME);
    }

    /**
     * Puts batches until the store writes its {@code segments}-th segment, each roll after the spare
     * was written (the writer asks for it at half a segment and takes it only if it is ready).
     */
    private static Set<String> putInto(Path dir, LogStore store, int segments) throws Exception {
        Set<String> acknowledged = new HashSet<>();
        int i = 0;
        int awaitedIn = 0;
        for (int written; (written = StoreFiles.segments(dir).size()) < segments; ) {
            if (written > awaitedIn && Files.exists(spare(dir))) {
                awaitSpareWritten(dir);
                awaitedIn = written;
            }
            String id = "b" + i++;
            store.put(StoreFiles.put(id, ENTRY_BYTES), 10_000);
            acknowledged.add(id);
        }
        return acknowledged;
    }

    private static void awaitSpareWritten(Path dir) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(spare(dir)) && Files.size(spare(dir)) == SEGMENT) {
                Thread.sleep(200); // its force, then its hand-over to the writer
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the spare segment was not written within 10 s");
    }

    private static Path newest(Path dir) throws IOException {
        List<Path> segments = StoreFiles.segments(dir);
        return segments.get(segments.size() - 1);
    }

    @Test
    void aSpareIsASegmentOfZerosOnDiskAndOneNotTakenIsDeletedOnClose() throws Exception {
        SegmentFiles files = new SegmentFiles(tmp, Disk.local());
        Files.createDirectories(files.directory());
        try (SpareSegment spare = new SpareSegment(files, SEGMENT)) {
            assertNull(spare.take(), "none asked for");
            spare.prepare();
            Path ready = null;
            for (long deadline = System.nanoTime() + 10_000_000_000L; ready == null && System.nanoTime() < deadline; ) {
                ready = spare.take();
                Thread.sleep(5);
            }
            assertNotNull(ready, "written within 10 s");
            assertArrayEquals(new byte[(int) SEGMENT], Files.readAllBytes(ready));
            assertNull(spare.take(), "taken once");
            assertTrue(files.strangers().isEmpty(), "the store does not take a spare for a stranger: " + files.strangers());
            assertTrue(files.list().isEmpty(), "nor for a segment");

            Files.delete(ready);
            spare.prepare();
            awaitSpareWritten(tmp);
        }
        assertFalse(Files.exists(SpareSegment.path(files)), "closing deletes the spare not taken");
    }

    /** A disk that counts the opens asking for direct I/O and, when told, refuses them, or every write to a spare. */
    private static final class DirectCounting extends ForwardingDisk {
        private final boolean refuseDirect;
        private final boolean full;
        private int asked; // guarded by this
        private int writes; // guarded by this

        DirectCounting(boolean refuseDirect, boolean full) {
            super(Disk.local());
            this.refuseDirect = refuseDirect;
            this.full = full;
        }

        @Override
        public FileChannel open(Path file, OpenOption... options) throws IOException {
            if (List.of(options).contains(ExtendedOpenOption.DIRECT)) {
                synchronized (this) {
                    asked++;
                }
                if (refuseDirect) {
                    throw new IOException(file + ": Invalid argument");
                }
            }
            if (full && List.of(options).contains(StandardOpenOption.WRITE)) {
                synchronized (this) {
                    writes++;
                }
                throw new IOException(file + ": No space left on device");
            }
            return super.open(file, options);
        }

        synchronized int asked() {
            return asked;
        }

        synchronized int writes() {
            return writes;
        }
    }

    /** Asks {@code spare} for a spare and waits until it is written: its path. */
    private static Path writeOne(SpareSegment spare) throws Exception {
        spare.prepare();
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; Thread.sleep(5)) {
            Path ready = spare.take();
            if (ready != null) {
                return ready;
            }
        }
        throw new AssertionError("no spare within 10 s");
    }

    @Test
    void aSpareIsWrittenAroundThePageCacheAndThroughItOnADiskThatRefusesThat() throws Exception {
        for (boolean refuse : new boolean[] {false, true}) {
            SegmentFiles files = new SegmentFiles(tmp.resolve("refuse-" + refuse), new DirectCounting(refuse, false));
            Files.createDirectories(files.directory());
            DirectCounting disk = (DirectCounting) files.disk();
            try (SpareSegment spare = new SpareSegment(files, SEGMENT)) {
                for (int round = 0; round < 2; round++) {
                    Path ready = writeOne(spare);
                    assertNotNull(ready, "written, refused direct I/O or not");
                    assertArrayEquals(new byte[(int) SEGMENT], Files.readAllBytes(ready));
                    Files.delete(ready);
                }
            }
            // a disk that refused direct I/O once, but took the spare through the page cache, is not asked again
            assertEquals(refuse ? 1 : 2, disk.asked(), "direct opens asked for, refused: " + refuse);
        }

        SegmentFiles full = new SegmentFiles(tmp.resolve("full"), new DirectCounting(false, true));
        Files.createDirectories(full.directory());
        DirectCounting fullDisk = (DirectCounting) full.disk();
        try (SpareSegment spare = new SpareSegment(full, SEGMENT)) {
            for (int round = 1; round <= 2; round++) {
                spare.prepare();
                long deadline = System.nanoTime() + 10_000_000_000L;
                for (; fullDisk.writes() < 2 * round; Thread.sleep(5)) {
                    assertTrue(System.nanoTime() < deadline, "two tries within 10 s: direct, then through the cache");
                }
                Thread.sleep(200); // the failed spare's delete
                assertNull(spare.take(), "neither could be written");
            }
        }
        assertEquals(2, fullDisk.asked(), "a full disk is no reason to stop asking for direct I/O");
        assertFalse(Files.exists(SpareSegment.path(full)));
    }

    @Test
    void theNextSegmentIsPreWrittenAndEverySegmentIsCutToItsRecordsOnClose() throws Exception {
        Path dir = tmp.resolve("store");
        Set<String> acknowledged;
        try (LogStore store = LogStore.open(dir, false, SEGMENT, new StoreFiles.Reports())) {
            acknowledged = putInto(dir, store, 3);
            assertEquals(SEGMENT, Files.size(newest(dir)), "the segment being written was pre-written to full size");
            assertTrue(Files.size(StoreFiles.segments(dir).get(1)) < SEGMENT, "a segment left is cut to its records");
        }
        assertFalse(Files.exists(spare(dir)), "no spare left behind");
        for (Path segment : StoreFiles.segments(dir)) {
            assertEquals(endOfLastRecord(segment), Files.size(segment), segment + " ends with its last record");
        }
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore again = LogStore.open(dir, false, SEGMENT, reports)) {
            assertEquals(acknowledged, ids(again));
            for (String id : acknowledged) {
                assertTrue(again.readEntries(id).isPresent(), id);
            }
        }
        assertEquals(List.of(), reports.seen);
    }

    private static long endOfLastRecord(Path segment) throws IOException {
        long[] lastEnd = {SegmentHeader.SIZE};
        SegmentScanner.Outcome outcome = SegmentScanner.scan(Disk.local(), segment, idOf(segment),
                (s, offset, length, type, buf, from, payloadLength) -> lastEnd[0] = offset + length);
        assertTrue(outcome.clean(), outcome.damage().toString());
        return lastEnd[0];
    }

    private static long idOf(Path segment) {
        return Long.parseLong(segment.getFileName().toString().replace(".seg", ""));
    }

    /** A store killed while it writes a pre-written segment: a copy of its files as they are on disk. */
    private Path killedWhileWriting(Set<String> acknowledged) throws Exception {
        Path dir = tmp.resolve("live");
        Path killed = tmp.resolve("killed");
        try (LogStore store = LogStore.open(dir, false, SEGMENT, new StoreFiles.Reports())) {
            acknowledged.addAll(putInto(dir, store, 2));
            assertEquals(SEGMENT, Files.size(newest(dir)), "pre-written");
            StoreFiles.copyTree(dir, killed);
        }
        Files.deleteIfExists(killed.resolve(Checkpoint.FILE)); // replay it all, as after a crash before one
        return killed;
    }

    @Test
    void aStoreKilledWhileWritingAPreWrittenSegmentReopensWithEveryBatchAndCutsTheZeros() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        Path killed = killedWhileWriting(acknowledged);
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore store = LogStore.open(killed, false, SEGMENT, reports)) {
            assertEquals(acknowledged, ids(store));
            assertTrue(Files.size(newest(killed)) < SEGMENT, "the zeros are cut");
            assertFalse(Files.exists(spare(killed)), "a spare the crash left is deleted");
            store.put(StoreFiles.put("after", ENTRY_BYTES), 10_000);
        }
        assertEquals(List.of(), reports.seen, "zeros after the newest segment's records are not damage");
        StoreFiles.Reports second = new StoreFiles.Reports();
        try (LogStore store = LogStore.open(killed, false, SEGMENT, second)) {
            assertTrue(ids(store).containsAll(acknowledged) && ids(store).contains("after"));
        }
        assertEquals(List.of(), second.seen, "once cut, the older segment has no zeros to report");
    }

    @Test
    void aTornRecordInAPreWrittenSegmentIsCutAndOnlyItsBytesAreKept() throws Exception {
        Set<String> acknowledged = new HashSet<>();
        Path killed = killedWhileWriting(acknowledged);
        Path segment = newest(killed);
        long recordsEnd = SegmentScanner.scan(Disk.local(), segment, idOf(segment), (s, o, l, t, b, f, p) -> { })
                .validEnd();
        byte[] torn = new byte[700];
        new Random(7).nextBytes(torn);
        torn[torn.length - 1] = 1; // its last byte is not zero: the torn record is exactly these bytes
        try (RandomAccessFile f = new RandomAccessFile(segment.toFile(), "rw")) {
            f.seek(recordsEnd);
            f.write(torn);
        }
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore store = LogStore.open(killed, false, SEGMENT, reports)) {
            assertEquals(acknowledged, ids(store));
        }
        assertEquals(1, reports.damage.size(), reports.seen.toString());
        StoreDamage damage = reports.damage.get(0);
        assertEquals(DamageKind.TORN_TAIL, damage.kind());
        assertEquals(recordsEnd, damage.offset());
        assertTrue(damage.detail().contains("(700 bytes)"), damage.detail());
        Path kept = killed.resolve("quarantine").resolve(segment.getFileName() + ".tail-" + recordsEnd);
        assertArrayEquals(torn, Files.readAllBytes(kept), "the torn bytes are kept, not the zeros after them");
        assertEquals(recordsEnd, Files.size(segment));
    }

    @Test
    void zerosWhereAnOlderSegmentsRecordsWereAreReportedAsDamageNotTakenForItsEnd() throws Exception {
        Path dir = tmp.resolve("store");
        try (LogStore store = LogStore.open(dir, false, SEGMENT, new StoreFiles.Reports())) {
            putInto(dir, store, 3);
        }
        Files.delete(dir.resolve(Checkpoint.FILE)); // no other account of what segment 1 held
        Path first = StoreFiles.segments(dir).get(0);
        long size = Files.size(first);
        long lastRecord = size - Frame.encode(StoreFiles.put("any", ENTRY_BYTES)).length();
        try (RandomAccessFile f = new RandomAccessFile(first.toFile(), "rw")) {
            f.seek(lastRecord);
            f.write(new byte[(int) (size - lastRecord)]); // a lost write: its last record reads back as zeros
        }
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore store = LogStore.open(dir, false, SEGMENT, reports)) {
            assertFalse(ids(store).isEmpty());
        }
        assertEquals(1, reports.damage.size(), reports.seen.toString());
        StoreDamage damage = reports.damage.get(0);
        assertEquals(DamageKind.DAMAGED_RECORDS, damage.kind());
        assertEquals(first, damage.file());
        assertEquals(lastRecord, damage.offset());
        assertTrue(damage.detail().contains("zeros where records should be"), damage.detail());
        assertTrue(Files.exists(dir.resolve("quarantine").resolve(first.getFileName())), "the segment is kept aside");
    }

    @Test
    void aSpareThatCannotBeWrittenLeavesTheLogGrowingItsSegments() throws Exception {
        Path dir = tmp.resolve("store");
        int[] refused = {0};
        Disk fullForSpares = new ForwardingDisk(Disk.local()) {
            @Override
            public FileChannel open(Path file, OpenOption... options) throws IOException {
                if (file.getFileName().toString().equals(SpareSegment.NAME)) {
                    synchronized (refused) {
                        refused[0]++;
                    }
                    throw new IOException("No space left on device");
                }
                return super.open(file, options);
            }
        };
        Set<String> acknowledged = new HashSet<>();
        try (LogStore store = LogStore.open(dir, false, SEGMENT, new StoreFiles.Reports(), fullForSpares)) {
            for (int i = 0; StoreFiles.segments(dir).size() < 4; i++) {
                store.put(StoreFiles.put("b" + i, ENTRY_BYTES), 10_000);
                acknowledged.add("b" + i);
                assertTrue(store.healthy());
                assertTrue(Files.size(newest(dir)) < SEGMENT, "grown as written");
            }
        }
        synchronized (refused) {
            assertTrue(refused[0] > 0, "a spare was asked for");
        }
        try (LogStore again = LogStore.open(dir, false, SEGMENT, new StoreFiles.Reports())) {
            assertEquals(acknowledged, ids(again));
        }
    }

    @Test
    void whatAStoreAcknowledgedInAPreWrittenSegmentSurvivesAPowerCutOfEveryKind() throws Exception {
        Path store = Path.of("/powercut/store");
        for (LossKind kind : LossKind.values()) {
            PowerCutDisk disk = DiskImage.empty(store.getParent()).disk(kind, new Random(kind.ordinal()));
            Set<String> acknowledged = new HashSet<>();
            LogStore open = LogStore.open(store, false, SEGMENT, new StoreFiles.Reports(), disk);
            int i = 0;
            Path third = store.resolve("segments").resolve(String.format("%020d.seg", 3));
            while (!disk.exists(third)) {
                if (i % 8 == 0) {
                    Thread.sleep(20); // time for the spare's thread: most rolls find a spare ready
                }
                open.put(StoreFiles.put("b" + i, ENTRY_BYTES), 10_000);
                acknowledged.add("b" + i++);
            }
            assertEquals(SEGMENT, disk.size(third), kind + ": the segment being written was pre-written");
            DiskImage image = disk.cutNow();
            open.close();
            StoreFiles.Reports reports = new StoreFiles.Reports();
            try (LogStore reopened = LogStore.open(store, false, SEGMENT, reports, image.disk(kind, new Random(9)))) {
                assertEquals(acknowledged, ids(reopened), kind + ": " + reports.seen);
            }
            assertTrue(reports.damage.stream().allMatch(d -> d.kind() == DamageKind.TORN_TAIL), kind + ": " + reports.seen);
        }
    }
}
