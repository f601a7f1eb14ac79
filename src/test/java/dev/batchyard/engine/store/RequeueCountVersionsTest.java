package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.batchyard.model.BatchState;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A meta's requeue count: behind bit 6 of the state byte, so a batch never requeued is written as before. */
class RequeueCountVersionsTest {
    /** A META record as every build before requeue counts wrote it, by the layout in {@link RecordCodec}'s Javadoc. */
    private static final String NEVER_REQUEUED = "0161" // id "a"
            + "0173" + "02" + "00" + "00" + "00" + "00" + "00"; // sink "s", RETRY_WAIT, 0 retries, no times, no attempts

    private static BatchMeta meta(int requeues, BatchMeta.Discard discard) {
        return new BatchMeta("s", BatchState.RETRY_WAIT, 0, null, "", null, List.of(), discard, requeues);
    }

    private static String hex(BatchMeta meta) {
        return HexFormat.of().formatHex(RecordCodec.encode(new StoreRecord.MetaUpdate("a", meta)));
    }

    private static BatchMeta read(String hex) {
        byte[] payload = HexFormat.of().parseHex(hex);
        return ((StoreRecord.MetaUpdate) RecordCodec.decode(RecordCodec.META, payload, 0, payload.length)).meta();
    }

    @Test
    void aBatchNeverRequeuedIsWrittenAsOlderBuildsWroteIt() {
        assertEquals(NEVER_REQUEUED, hex(meta(0, null)));
        assertEquals(0, read(NEVER_REQUEUED).requeues());
    }

    @Test
    void aRequeueCountSetsBitSixOfTheStateAndFollowsTheAttempts() {
        String written = hex(meta(5, null));

        assertEquals("0161" + "0173" + "42" + "00" + "00" + "00" + "00" + "00" + "05", written);
        assertEquals(5, read(written).requeues());
        assertEquals(BatchState.RETRY_WAIT, read(written).state());
    }

    @Test
    void aRequeueCountFollowsASoftDiscard() {
        BatchMeta.Discard discard = new BatchMeta.Discard(Instant.ofEpochSecond(7), "x", "ana");

        BatchMeta back = read(hex(meta(300, discard)));

        assertEquals(300, back.requeues());
        assertEquals(discard, back.discard());
    }

    @Test
    void aRequeueCountCutShortIsMalformed() {
        String written = hex(meta(5, null));

        assertThrows(MalformedRecordException.class, () -> read(written.substring(0, written.length() - 2)));
    }
}
