package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer and the reader agree on the largest record: one at the frame limit is stored and
 * reads back after a reopen; one a byte over is refused at {@code put}, before anything is written.
 * (Real 256 MiB records: about 800 MB of heap at the peak, and 256 MB of disk.)
 */
class FrameLimitTest {
    @TempDir
    Path tmp;

    @Test
    void aRecordOneByteOverTheFrameLimitIsRefusedAtPutAndNothingIsWritten() {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore inTest = LogStore.open(tmp, false, 64 * 1024 * 1024, reports)) {
            StoreRecord.Put over = StoreFiles.put("over", entriesFilling("over", Frame.MAX_PAYLOAD) + 1);

            StoreException e = assertThrows(StoreException.class, () -> inTest.put(over, 100));

            assertTrue(e.getMessage().contains("'over'") && e.getMessage().contains(Integer.toString(Frame.MAX_PAYLOAD)),
                    e.getMessage());
            assertEquals(0, inTest.size());
            assertEquals(0, inTest.diskBytes(), "nothing reached the log");
            assertTrue(inTest.healthy());
        }
    }

    @Test
    void aRecordExactlyAtTheFrameLimitIsStoredAndReadsBackAfterReopen() {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        StoreRecord.Put atLimit = StoreFiles.put("at-limit", entriesFilling("at-limit", Frame.MAX_PAYLOAD));
        try (LogStore inTest = LogStore.open(tmp, false, 64 * 1024 * 1024, reports)) {
            inTest.put(atLimit, 100);
        }
        try (LogStore inTest = LogStore.open(tmp, false, 64 * 1024 * 1024, reports)) {
            assertEquals(Frame.HEADER + Frame.MAX_PAYLOAD, inTest.get("at-limit").orElseThrow().length());
            assertArrayEquals(atLimit.entries(), inTest.readEntries("at-limit").orElseThrow());
        }
        assertEquals(0, reports.seen.size(), reports.seen.toString());
    }

    /** How many entry bytes make a PUT of this test's shape for {@code id} exactly {@code payload} bytes long. */
    private static int entriesFilling(String id, int payload) {
        int overhead = Frame.encode(StoreFiles.put(id, 0)).length() - Frame.HEADER;
        return payload - overhead;
    }
}
