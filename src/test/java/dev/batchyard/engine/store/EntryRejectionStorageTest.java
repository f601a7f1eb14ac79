package dev.batchyard.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.EntryRejection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attempt's per-entry rejections in the store: kept by the log and the checkpoint, refused when malformed. */
class EntryRejectionStorageTest {
    static final Instant AT = Instant.parse("2026-11-26T18:00:01Z");
    @TempDir
    Path tmp;

    static Attempt attempt(List<EntryRejection> rejections) {
        return new Attempt(AT, "elasticsearch", Duration.ofMillis(12), Attempt.Outcome.FAILED, "3 of 100 entries rejected",
                DeliveryReceiptStorageTest.RECEIPT, rejections);
    }

    static List<EntryRejection> rejections() {
        return List.of(new EntryRejection(0, "400 mapper_parsing_exception: failed to parse [count]"),
                new EntryRejection(57, "400 mapper_parsing_exception: failed to parse [count]"),
                new EntryRejection(99, "429 es_rejected_execution_exception: queue full"));
    }

    @Test
    void rejectionsSurviveReplayAndCheckpointWithTheReceipt() {
        StoreFiles.Reports reports = new StoreFiles.Reports();
        Path dir = tmp.resolve("s");
        try (LogStore inTest = LogStore.open(dir, false, 1 << 20, reports)) {
            inTest.put(StoreFiles.put("a", 100), 100);
            inTest.update("a", m -> m.withState(BatchState.DEAD, null).withAttempt(attempt(rejections())));
            inTest.closeWithoutCheckpoint();
        }
        try (LogStore inTest = LogStore.open(dir, false, 1 << 20, reports)) {
            assertEquals(List.of(attempt(rejections())), inTest.get("a").orElseThrow().meta().attempts(), "replayed");
            inTest.checkpoint();
        }
        try (LogStore inTest = LogStore.open(dir, false, 1 << 20, reports)) {
            assertEquals(List.of(attempt(rejections())), inTest.get("a").orElseThrow().meta().attempts(), "from the checkpoint");
        }
        assertEquals(List.of(), reports.seen);
    }

    @Test
    void aReasonSharedByManyEntriesIsWrittenOnce() {
        List<EntryRejection> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(new EntryRejection(i * 3, "400 mapper_parsing_exception: failed to parse field [fields.count]"));
        }
        BinaryWriter out = new BinaryWriter(64);
        RecordCodec.writeMeta(out, new BatchMeta("es", BatchState.DEAD, 1, null, "x", null, List.of(attempt(many))));
        byte[] bytes = out.toByteArray();

        assertEquals(List.of(attempt(many)), RecordCodec.readMeta(new BinaryReader(bytes, 0, bytes.length)).attempts());
        assertEquals(true, bytes.length < 2500, bytes.length + " bytes for 1000 rejections");
    }

    @Test
    void anAttemptWithoutRejectionsIsWrittenWithoutTheFlag() {
        BinaryWriter written = new BinaryWriter(64);
        RecordCodec.writeMeta(written, new BatchMeta("es", BatchState.RETRY_WAIT, 1, null, "x", AT,
                List.of(new Attempt(AT, "es", Duration.ofMillis(12), Attempt.Outcome.FAILED, "503"))));

        BinaryWriter before = new BinaryWriter(64); // the layout before rejections
        before.string("es").u8(BatchState.RETRY_WAIT.ordinal()).varint(1).time(null).string("x").instant(AT).varint(1);
        before.instant(AT).string("es").i64(Duration.ofMillis(12).toNanos()).u8(Attempt.Outcome.FAILED.ordinal())
                .string("503");
        assertArrayEquals(before.toByteArray(), written.toByteArray());
    }

    @Test
    void malformedRejectionListsAreRefused() {
        assertMalformed(w -> w.varint(0)); // no reasons
        assertMalformed(w -> w.varint(1).string("r").varint(1).varint(0).varint(0)); // a gap of 0 (the first entry at -1)
        assertMalformed(w -> w.varint(1).string("r").varint(1).varint(1).varint(1)); // reason 1 of 1
        assertMalformed(w -> w.varint(1).string("r").varint(1_000_000)); // more entries than bytes
    }

    private static void assertMalformed(java.util.function.Consumer<BinaryWriter> rejections) {
        BinaryWriter out = new BinaryWriter(64);
        out.string("es").u8(BatchState.DEAD.ordinal()).varint(1).time(null).string("x").instant(null).varint(1);
        out.instant(AT).string("es").i64(5).u8(Attempt.Outcome.FAILED.ordinal() | RecordCodec.REJECTIONS_FLAG).string("e");
        rejections.accept(out);
        byte[] bytes = out.toByteArray();
        assertThrows(MalformedRecordException.class, () -> RecordCodec.readMeta(new BinaryReader(bytes, 0, bytes.length)));
    }
}
