package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by the code before per-entry rejections, split and merge (the fixture
 * {@code store-7f0fd01}, made by the program in its README) reads unchanged, from its checkpoint
 * and from its log, and every record it holds is written by this build byte for byte as it was.
 */
class OldStoreFormatTest {
    private static final String FIXTURE = "store-7f0fd01/";
    @TempDir
    Path tmp;

    private Path copyOfFixture(boolean withCheckpoint) throws IOException {
        Path dir = tmp.resolve(withCheckpoint ? "with-checkpoint" : "log-only");
        Files.createDirectories(dir.resolve("segments"));
        copy("segments/00000000000000000001.seg", dir);
        if (withCheckpoint) {
            copy("index.ckpt", dir);
        }
        return dir;
    }

    private void copy(String name, Path dir) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(FIXTURE + name)) {
            Files.copy(in, dir.resolve(name));
        }
    }

    @Test
    void theOldStoreReadsAsItWasWrittenFromTheCheckpointAndFromTheLog() throws IOException {
        for (boolean withCheckpoint : new boolean[] {true, false}) {
            StoreFiles.Reports reports = new StoreFiles.Reports();
            try (LogStore inTest = LogStore.open(copyOfFixture(withCheckpoint), true, 1 << 20, reports)) {
                assertFalse(inTest.get("old-0").isPresent(), "delivered");
                BatchMeta retrying = inTest.get("old-1").orElseThrow().meta();
                assertEquals(BatchState.RETRY_WAIT, retrying.state());
                assertEquals(1, retrying.attempts().get(0).receipt().placements().size());
                BatchMeta dead = inTest.get("old-2").orElseThrow().meta();
                assertEquals(BatchState.DEAD, dead.state());
                assertEquals(1, dead.requeues());
                assertEquals(List.of(Attempt.Outcome.FAILED, Attempt.Outcome.REQUEUED),
                        dead.attempts().stream().map(Attempt::outcome).toList());
                assertTrue(dead.attempts().stream().allMatch(a -> a.rejections().isEmpty()));
                assertEquals("{\"x\":1}", inTest.readRecord("old-2").orElseThrow().extras());
                assertArrayEquals("entries-1".getBytes(), inTest.readEntries("old-1").orElseThrow());
            }
            assertEquals(List.of(), reports.seen, withCheckpoint ? "checkpoint" : "log");
        }
    }

    @Test
    void everyRecordOfTheOldLogIsWrittenByThisBuildByteForByteAsBefore() throws IOException {
        Path dir = copyOfFixture(false);
        List<String> compared = new ArrayList<>();
        SegmentScanner.Outcome outcome = SegmentScanner.scan(Disk.local(), dir.resolve("segments/00000000000000000001.seg"),
                1, (segment, offset, length, type, buf, from, payloadLength) -> {
                    byte[] old = Arrays.copyOfRange(buf, from, from + payloadLength);
                    StoreRecord record = RecordCodec.decode(type, buf, from, payloadLength);
                    assertArrayEquals(old, RecordCodec.encode(record), "record at " + offset);
                    compared.add(record.getClass().getSimpleName() + " " + record.id());
                });
        assertTrue(outcome.clean());
        assertEquals(List.of("Put old-0", "Put old-1", "Put old-2", "MetaUpdate old-1", "MetaUpdate old-2", "Removal old-0"),
                compared);
    }

    @Test
    void theCheckpointThisBuildWritesOfTheOldStoreListsItsBatchesByteForByteAsTheOldOne() throws IOException {
        Path dir = copyOfFixture(true);
        byte[] old = Files.readAllBytes(dir.resolve(Checkpoint.FILE));
        Files.delete(dir.resolve(Checkpoint.FILE));
        try (LogStore inTest = LogStore.open(dir, false, 1 << 20, new StoreFiles.Reports())) {
            inTest.checkpoint();
            byte[] now = Files.readAllBytes(dir.resolve(Checkpoint.FILE));
            // the header's replay position differs (this open started a segment); the batches must not
            assertArrayEquals(Arrays.copyOfRange(old, 0, 6), Arrays.copyOfRange(now, 0, 6), "magic and version");
            assertArrayEquals(Arrays.copyOfRange(old, 22, old.length - 4), Arrays.copyOfRange(now, 22, now.length - 4));
        }
    }
}
