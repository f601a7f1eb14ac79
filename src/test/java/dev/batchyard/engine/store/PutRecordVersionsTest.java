package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.batchyard.model.BatchState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PUT's per-entry failures: an optional last part, so records without them are what older builds wrote. */
class PutRecordVersionsTest {
    /** A PUT as every build before per-entry failures wrote it, by the layout in {@link RecordCodec}'s Javadoc. */
    private static final String WITHOUT_FAILURES = "0161" // id "a"
            + "01" + "0000000000000001" + "00000002" + "00000000" // created: 1 s, 2 ns, offset 0
            + "00" + "01" // no context, one entry
            + "0173" + "00" + "00" + "00" + "00" + "00" + "00" // meta: sink "s", PENDING, 0 retries, no times, no attempts
            + "00000002" + "0a0b" // entries
            + "00"; // extras ""
    private static final byte[] FAILURES = "[[0,{\"error_message\":\"x\"}]]".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private static StoreRecord.Put put(byte[] failures) {
        BatchMeta meta = new BatchMeta("s", BatchState.PENDING, 0, null, "", null, List.of());
        return new StoreRecord.Put("a", OffsetDateTime.of(1970, 1, 1, 0, 0, 1, 2, ZoneOffset.UTC), Map.of(), 1, meta,
                new byte[] {0x0a, 0x0b}, "", failures);
    }

    @Test
    void aPutWithoutFailuresIsWrittenAsOlderBuildsWroteIt() {
        assertEquals(WITHOUT_FAILURES, HexFormat.of().formatHex(RecordCodec.encode(put(null))));
    }

    @Test
    void aPutOfAnOlderBuildReadsWithNoFailures() {
        byte[] old = HexFormat.of().parseHex(WITHOUT_FAILURES);
        StoreRecord.Put read = (StoreRecord.Put) RecordCodec.decode(RecordCodec.PUT, old, 0, old.length);
        assertEquals(0, read.failures().length);
        assertArrayEquals(new byte[] {0x0a, 0x0b}, read.entries());
    }

    @Test
    void failuresFollowTheExtrasWithTheirLength() {
        byte[] payload = RecordCodec.encode(put(FAILURES));
        assertEquals(WITHOUT_FAILURES + String.format("%08x", FAILURES.length) + HexFormat.of().formatHex(FAILURES),
                HexFormat.of().formatHex(payload));
        StoreRecord.Put read = (StoreRecord.Put) RecordCodec.decode(RecordCodec.PUT, payload, 0, payload.length);
        assertArrayEquals(FAILURES, read.failures());
    }

    @Test
    void aFailuresPartCutShortIsMalformed() {
        byte[] payload = RecordCodec.encode(put(FAILURES));
        assertThrows(MalformedRecordException.class,
                () -> RecordCodec.decode(RecordCodec.PUT, payload, 0, payload.length - 1));
        assertThrows(MalformedRecordException.class,
                () -> RecordCodec.decode(RecordCodec.PUT, payload, 0, payload.length - FAILURES.length - 2));
    }

    @Test
    void failuresSurviveReopenCheckpointAndCompaction() throws Exception {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore inTest = LogStore.open(tmp, false, 8 * 1024, reports)) {
            inTest.put(put(FAILURES), 100);
            for (int i = 0; i < 20; i++) {
                inTest.put(StoreFiles.put("filler" + i, 1000), 100);
                inTest.remove("filler" + i, RemovalCause.DELIVERED, "");
            }
            inTest.checkpoint();
            while (inTest.compactOldest().isPresent()) {
                // the PUT of "a" is rewritten by compaction from its old record
            }
            assertArrayEquals(FAILURES, inTest.readRecord("a").orElseThrow().failures());
        }
        try (LogStore inTest = LogStore.open(tmp, false, 8 * 1024, reports)) {
            assertArrayEquals(FAILURES, inTest.readRecord("a").orElseThrow().failures());
        }
        Files.delete(tmp.resolve(Checkpoint.FILE)); // the replay reads the PUT with its failures part
        try (LogStore inTest = LogStore.open(tmp, false, 8 * 1024, reports)) {
            assertArrayEquals(FAILURES, inTest.readRecord("a").orElseThrow().failures());
            assertEquals(1, inTest.get("a").orElseThrow().entryCount());
        }
        assertEquals(List.of(), reports.seen);
    }
}
