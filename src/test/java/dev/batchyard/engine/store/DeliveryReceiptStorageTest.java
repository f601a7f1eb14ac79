package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DeliveryReceipt;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attempt's delivery receipt in the store: kept by the log and the checkpoint, and absent as before. */
class DeliveryReceiptStorageTest {
    static final Instant AT = Instant.parse("2026-11-26T18:00:01Z");
    static final DeliveryReceipt RECEIPT = new DeliveryReceipt(List.of(
            new DeliveryReceipt.Placement("logs", 0, 1200, 1249, 50),
            new DeliveryReceipt.Placement("logs", 1, 80, 129, 50)));
    @TempDir
    Path tmp;

    static Attempt attempt(DeliveryReceipt receipt) {
        return new Attempt(AT, "kafka", Duration.ofMillis(12), Attempt.Outcome.FAILED, "3 of 100 records failed", receipt);
    }

    @Test
    void aReceiptSurvivesReplayAndCheckpoint() {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        try (LogStore inTest = LogStore.open(tmp.resolve("replay"), false, 1 << 20, reports)) {
            inTest.put(StoreFiles.put("a", 100), 100);
            inTest.update("a", m -> m.withState(BatchState.RETRY_WAIT, AT).withAttempt(attempt(RECEIPT)));
        }
        try (LogStore inTest = LogStore.open(tmp.resolve("replay"), false, 1 << 20, reports)) {
            assertEquals(List.of(attempt(RECEIPT)), inTest.get("a").orElseThrow().meta().attempts(), "replayed");
            inTest.checkpoint();
        }
        try (LogStore inTest = LogStore.open(tmp.resolve("replay"), false, 1 << 20, reports)) {
            assertEquals(List.of(attempt(RECEIPT)), inTest.get("a").orElseThrow().meta().attempts(), "from the checkpoint");
        }
        assertEquals(List.of(), reports.seen);
    }

    @Test
    void anAttemptWithoutAReceiptIsWrittenByteForByteAsBeforeReceipts() {
        BatchMeta meta = new BatchMeta("kafka", BatchState.RETRY_WAIT, 1, null, "x", AT, List.of(attempt(DeliveryReceipt.NONE)));
        BinaryWriter written = new BinaryWriter(64);
        RecordCodec.writeMeta(written, meta);

        BinaryWriter before = new BinaryWriter(64); // the layout of RecordCodec's Javadoc before receipts
        before.string("kafka").u8(BatchState.RETRY_WAIT.ordinal()).varint(1).time(null).string("x").instant(AT).varint(1);
        before.instant(AT).string("kafka").i64(Duration.ofMillis(12).toNanos()).u8(Attempt.Outcome.FAILED.ordinal())
                .string("3 of 100 records failed");
        assertArrayEquals(before.toByteArray(), written.toByteArray());
    }

    @Test
    void aRecordOfAnOlderBuildWithoutTheFlagReadsWithNoReceipt() {
        BinaryWriter old = new BinaryWriter(64);
        old.string("loki").u8(BatchState.DEAD.ordinal()).varint(3).time(null).string("503").instant(null).varint(1);
        old.instant(AT).string("loki").i64(5).u8(Attempt.Outcome.TIMED_OUT.ordinal()).string("503");
        byte[] bytes = old.toByteArray();

        BatchMeta read = RecordCodec.readMeta(new BinaryReader(bytes, 0, bytes.length));
        assertEquals(DeliveryReceipt.NONE, read.attempts().get(0).receipt());
    }

    @Test
    void aReceiptClaimingMorePlacementsThanAreEverWrittenIsMalformed() {
        BinaryWriter out = new BinaryWriter(64);
        out.varint(DeliveryReceipt.MAX_PLACEMENTS + 1);
        byte[] bytes = out.toByteArray();

        assertThrows(MalformedRecordException.class, () -> ReceiptCodec.read(new BinaryReader(bytes, 0, bytes.length)));
    }

    @Test
    void aPlacementWithALastOffsetBeforeItsFirstIsMalformed() {
        BinaryWriter out = new BinaryWriter(64);
        out.varint(1).string("logs").varint(1).i64(10).i64(9).varint(1);
        byte[] bytes = out.toByteArray();

        assertThrows(MalformedRecordException.class, () -> ReceiptCodec.read(new BinaryReader(bytes, 0, bytes.length)));
    }

    @Test
    void theMostPlacementsAReceiptMayHoldRoundTrip() {
        List<DeliveryReceipt.Placement> many = new ArrayList<>();
        for (int p = 0; p < DeliveryReceipt.MAX_PLACEMENTS; p++) {
            many.add(new DeliveryReceipt.Placement("t".repeat(DeliveryReceipt.MAX_TARGET_CHARS), p, Long.MAX_VALUE - 1,
                    Long.MAX_VALUE, Integer.MAX_VALUE));
        }
        DeliveryReceipt receipt = new DeliveryReceipt(many);
        BinaryWriter out = new BinaryWriter(64);
        ReceiptCodec.write(out, receipt);
        byte[] bytes = out.toByteArray();

        assertEquals(receipt, ReceiptCodec.read(new BinaryReader(bytes, 0, bytes.length)));
    }
}
