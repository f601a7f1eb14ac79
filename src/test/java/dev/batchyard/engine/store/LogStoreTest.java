package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.BatchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTest {
    private static final long SMALL_SEGMENTS = 8 * 1024;

    @TempDir
    Path tmp;

    private LogStore open(Path dir, StoreFiles.Reports reports) {
        return LogStore.open(dir, false, SMALL_SEGMENTS, reports);
    }

    @Test
    void entriesReadBackAreTheBytesThatWerePut() {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore inTest = open(tmp, reports)) {
            inTest.put(StoreFiles.put("a", 5000), 100);
            assertArrayEquals(StoreFiles.put("a", 5000).entries(), inTest.readEntries("a").orElseThrow());
        }
        try (LogStore inTest = open(tmp, reports)) {
            assertArrayEquals(StoreFiles.put("a", 5000).entries(), inTest.readEntries("a").orElseThrow());
        }
        assertEquals(0, reports.seen.size(), reports.seen.toString());
    }

    @Test
    void compactionMovesLiveBatchesAndDeletesTheOldSegment() throws Exception {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        Set<String> live = new HashSet<>();
        try (LogStore inTest = open(tmp, reports)) {
            for (int i = 0; i < 40; i++) {
                inTest.put(StoreFiles.put("b" + i, 1000), 1000);
                if (i % 4 == 0) {
                    live.add("b" + i);
                } else {
                    inTest.remove("b" + i, RemovalCause.DELIVERED, "");
                }
            }
            inTest.update("b0", m -> m.withState(BatchState.DEAD, null));
            long before = inTest.diskBytes();
            int steps = 0;
            while (inTest.compactOldest().isPresent()) {
                steps++;
            }
            assertTrue(steps > 0, "something was compacted");
            assertTrue(inTest.diskBytes() < before, inTest.diskBytes() + " < " + before);
            assertEquals(live, Set.copyOf(inTest.all().stream().map(StoredBatch::id).toList()));
            for (String id : live) {
                assertArrayEquals(StoreFiles.put(id, 1000).entries(), inTest.readEntries(id).orElseThrow());
            }
        }
        Files.delete(tmp.resolve(Checkpoint.FILE)); // prove the log alone is enough
        try (LogStore inTest = open(tmp, reports)) {
            assertEquals(live, Set.copyOf(inTest.all().stream().map(StoredBatch::id).toList()));
            assertEquals(BatchState.DEAD, inTest.get("b0").orElseThrow().meta().state());
        }
        assertEquals(0, reports.seen.size(), reports.seen.toString());
    }

    @Test
    void aCrashAfterCompactionReportsNothingLostWhenTheCheckpointPointedIntoTheDeletedSegment() throws Exception {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        Path crashed = tmp.resolve("crashed");
        try (LogStore inTest = open(tmp.resolve("live"), reports)) {
            inTest.put(StoreFiles.put("kept", 100), 1000);
            inTest.put(StoreFiles.put("delivered", 100), 1000);
            inTest.checkpoint(); // its position is inside segment 1, which holds both PUTs
            inTest.remove("delivered", RemovalCause.DELIVERED, "");
            for (int i = 0; inTest.segmentsSinceCheckpoint() < 2; i++) {
                inTest.put(StoreFiles.put("filler" + i, 1000), 1000);
                inTest.remove("filler" + i, RemovalCause.DELIVERED, "");
            }
            while (inTest.compactOldest().isPresent()) {
                // segment 1 goes, with the REMOVE of "delivered" that the checkpoint does not reflect
            }
            StoreFiles.copyTree(tmp.resolve("live"), crashed); // what kill -9 would leave now
        }
        try (LogStore inTest = open(crashed, reports)) {
            assertEquals(Set.of("kept"), Set.copyOf(inTest.all().stream().map(StoredBatch::id).toList()));
        }
        assertEquals(0, reports.seen.size(), reports.seen.toString());
    }

    @Test
    void reopenUsesTheCheckpointAndReplaysOnlyTheLogAfterIt() {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore inTest = open(tmp, reports)) {
            inTest.put(StoreFiles.put("before", 100), 100);
            inTest.checkpoint();
            inTest.put(StoreFiles.put("after", 100), 100);
            inTest.remove("before", RemovalCause.DISCARDED, "x");
        }
        try (LogStore inTest = open(tmp, reports)) {
            assertEquals(Set.of("after"), Set.copyOf(inTest.all().stream().map(StoredBatch::id).toList()));
        }
    }

    @Test
    void aDamagedCheckpointIsReportedAndTheWholeLogReplayed() throws Exception {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore inTest = open(tmp, reports)) {
            inTest.put(StoreFiles.put("a", 100), 100);
        }
        Path ckpt = tmp.resolve(Checkpoint.FILE);
        byte[] bytes = Files.readAllBytes(ckpt);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(ckpt, bytes);
        try (LogStore inTest = open(tmp, reports)) {
            assertTrue(inTest.get("a").isPresent());
        }
        assertTrue(reports.seen.get(0).contains("checkpoint checksum mismatch"), reports.seen.toString());
    }

    @Test
    void aStrangeFileInTheSegmentsDirectoryIsReportedAndLeftAlone() throws Exception {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore inTest = open(tmp, reports)) {
            inTest.put(StoreFiles.put("a", 100), 100);
        }
        Path garbage = tmp.resolve("segments").resolve("notes.txt");
        Files.writeString(garbage, "hello");
        try (LogStore inTest = open(tmp, reports)) {
            assertTrue(inTest.get("a").isPresent());
        }
        assertTrue(Files.exists(garbage));
        assertTrue(reports.seen.get(0).startsWith("notes.txt@0: not a segment file"), reports.seen.toString());
    }

    @Test
    void readOnlyOpenChangesNothingAndRefusesWrites() throws Exception {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore writer = open(tmp, reports)) {
            writer.put(StoreFiles.put("a", 100), 100);
            try (LogStore reader = LogStore.open(tmp, true, SMALL_SEGMENTS, reports)) {
                assertEquals(Optional.of("a"), reader.get("a").map(StoredBatch::id));
                assertTrue(reader.readOnly());
                org.junit.jupiter.api.Assertions.assertThrows(StoreException.class,
                        () -> reader.put(StoreFiles.put("b", 1), 100));
            }
        }
    }
}
