package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.events.EventSubscription;
import dev.batchyard.engine.store.BatchChangedException;
import dev.batchyard.engine.store.UnknownBatchException;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.EntryRejection;
import dev.batchyard.model.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Split and merge on a real store: what the new batches hold, keep and say of their origin, what
 * is refused (with nothing changed), and that the result is what a reopen finds.
 */
class SplitAndMergeTest {
    private static final Actor OPS = new Actor("ops");
    @TempDir
    Path tmp;

    static List<LogEntry> entries(String prefix, int n) {
        List<LogEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(LogEntry.builder().message(prefix + " entry " + i).level("info").sourceType("t").sourceId("s").build());
        }
        return out;
    }

    /** A sink that refuses entries 3 and 8 of any batch for good, and stops being asked after. */
    private final ScriptedDelivery delivery = new ScriptedDelivery().sink("es", b -> CompletableFuture.completedFuture(
            DeliveryOutcome.Failed.rejected(List.of(new EntryRejection(3, "400 mapper_parsing_exception: bad [count]"),
                    new EntryRejection(8, "400 mapper_parsing_exception: bad [count]")), b.entries().size(), false)));

    private BatchPersistence open() {
        return BatchPersistence.open(PersistenceConfig.defaults(tmp.resolve("store")), delivery, Clock.systemUTC());
    }

    static void await(BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!done.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(deadline), "timed out");
            Thread.sleep(10);
        }
    }

    /** Batch {@code x} of 10 entries, dead after its sink refused entries 3 and 8. */
    private void deadWithTwoRejected(BatchPersistence engine) throws InterruptedException {
        engine.persistBatch("x", entries("x", 10), "es");
        await(() -> engine.find("x").map(b -> b.state() == BatchState.DEAD).orElse(false));
        delivery.admission("es", Admission.hold()); // the parts are looked at, not sent
    }

    @Test
    void theRejectedEntriesAreSplitOutAndTheRestGoesWithTheHistoryMovedToTheirIndexes() throws Exception {
        RepairResult result;
        try (BatchPersistence engine = open()) {
            deadWithTwoRejected(engine);
            EventSubscription events = engine.subscribe(100);
            result = engine.split(SplitRequest.failedEntries("x"), OPS);

            assertTrue(result.applied());
            assertEquals(List.of("x"), result.removed());
            assertEquals(List.of("x.1", "x.2"), result.made().stream().map(RepairResult.Part::id).toList());
            assertEquals("3,8", result.made().get(0).sources().get(0).indexes());
            assertEquals("0-2,4-7,9", result.made().get(1).sources().get(0).indexes());
            List<BatchEvent> seen = events.await(5, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(seen.stream().anyMatch(e -> e instanceof BatchEvent.Replaced r && r.split()
                    && r.into().equals(List.of("x.1", "x.2"))), seen.toString());
        }
        try (BatchPersistence engine = open()) { // what a reopen finds
            assertTrue(engine.find("x").isEmpty(), "the original is gone");
            Batch poison = engine.batch("x.1").orElseThrow();
            assertEquals(List.of("x entry 3", "x entry 8"), poison.entries().stream().map(LogEntry::message).toList());
            assertEquals(BatchState.DEAD, poison.meta().state(), "the poison stays dead");
            assertEquals("2 of 2 entries rejected: 400 mapper_parsing_exception: bad [count]", poison.meta().failureReason());
            Attempt failed = poison.meta().attempts().get(0);
            assertEquals(List.of(0, 1), failed.rejections().stream().map(EntryRejection::index).toList());
            Attempt note = poison.meta().attempts().get(1);
            assertEquals(Attempt.Outcome.SPLIT, note.outcome());
            assertEquals("split from x (entries 3,8)", note.error());

            Batch rest = engine.batch("x.2").orElseThrow();
            assertEquals(8, rest.entries().size());
            assertEquals(BatchState.PENDING, rest.meta().state(), "the rest may go now");
            assertEquals(0, rest.meta().retryCount());
            assertTrue(rest.meta().attempts().get(0).rejections().isEmpty(), "none of its entries was rejected");
            assertEquals(Map.of("created_by", "batch_persistence"), rest.meta().context());

            String audit = Files.readString(tmp.resolve("store").resolve("audit.log"));
            assertTrue(audit.contains("\"split\""), audit);
            assertTrue(audit.contains("x:0-2,4-7,9"), audit);
        }
    }

    @Test
    void selectedEntriesAndChunksAndAMergeBack() throws Exception {
        try (BatchPersistence engine = open()) {
            delivery.admission("es", Admission.hold());
            engine.persistBatch("y", entries("y", 10), "es");

            engine.split(SplitRequest.entries("y", List.of(5, 1, 2)), OPS);
            assertEquals(List.of("y entry 1", "y entry 2", "y entry 5"),
                    engine.batch("y.1").orElseThrow().entries().stream().map(LogEntry::message).toList());

            RepairResult chunks = engine.split(SplitRequest.chunks("y.2", 3), OPS);
            assertEquals(List.of(3, 3, 1), chunks.made().stream().map(RepairResult.Part::entryCount).toList());

            RepairResult merged = engine.merge(MergeRequest.of(List.of("y.2.3", "y.2.1", "y.1")), OPS);
            assertEquals("y.2.3.merged", merged.made().get(0).id());
            Batch m = engine.batch("y.2.3.merged").orElseThrow();
            assertEquals(List.of("y entry 9", "y entry 0", "y entry 3", "y entry 4", "y entry 1", "y entry 2", "y entry 5"),
                    m.entries().stream().map(LogEntry::message).toList());
            assertEquals(Attempt.Outcome.MERGED, m.meta().attempts().get(0).outcome());
            assertEquals("merged from y.2.3, y.2.1, y.1", m.meta().attempts().get(0).error());
            assertEquals(List.of("y.2.2", "y.2.3.merged"), engine.pendingBatches().stream().map(BatchView::id).sorted().toList());
        }
    }

    @Test
    void aDryRunSaysWhatItWouldMakeAndChangesNothing() throws Exception {
        try (BatchPersistence engine = open()) {
            delivery.admission("es", Admission.hold());
            engine.persistBatch("z", entries("z", 5), "es");

            RepairResult plan = engine.split(SplitRequest.chunks("z", 2).asDryRun(), OPS);

            assertFalse(plan.applied());
            assertEquals(List.of("z.1", "z.2", "z.3"), plan.made().stream().map(RepairResult.Part::id).toList());
            assertEquals(List.of("z"), engine.pendingBatches().stream().map(BatchView::id).toList());
        }
    }

    @Test
    void badRequestsAreRefusedWithClearMessagesAndNothingChanges() throws Exception {
        try (BatchPersistence engine = open()) {
            delivery.admission("es", Admission.hold());
            engine.persistBatch("one", entries("one", 1), "es");
            engine.persistBatch("two", entries("two", 2), "es");
            engine.persistBatch("other", entries("other", 2), "loki");

            assertEquals("batch 'one' has 1 entry: there is nothing to split", assertThrows(IllegalArgumentException.class,
                    () -> engine.split(SplitRequest.chunks("one", 1), OPS)).getMessage());
            assertEquals("batch 'two' has entries 0 to 1: there is no entry 2", assertThrows(IllegalArgumentException.class,
                    () -> engine.split(SplitRequest.entries("two", List.of(2)), OPS)).getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.split(SplitRequest.entries("two",
                    List.of(0, 1)), OPS)).getMessage().contains("nothing would be left"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.split(SplitRequest.failedEntries("two"),
                    OPS)).getMessage().contains("no sink rejected single entries of batch 'two'"));
            assertTrue(assertThrows(IllegalArgumentException.class, () -> engine.merge(MergeRequest.of(List.of("two",
                    "other")), OPS)).getMessage().contains("only batches of one sink merge"));
            assertThrows(UnknownBatchException.class, () -> engine.split(SplitRequest.chunks("nope", 1), OPS));
            engine.discard(List.of("two"), "bad", OPS);
            assertThrows(UnknownBatchException.class, () -> engine.split(SplitRequest.chunks("two", 1), OPS));

            assertEquals(List.of("one", "other"), engine.pendingBatches().stream().map(BatchView::id).sorted().toList());
        }
    }

    @Test
    void aMergeOverMaxBatchBytesIsRefused() throws Exception {
        PersistenceConfig small = PersistenceConfig.defaults(tmp.resolve("store")).withSizeLimits(4096, 1 << 20);
        try (BatchPersistence engine = BatchPersistence.open(small, delivery, Clock.systemUTC())) {
            delivery.admission("es", Admission.hold());
            engine.persistBatch("a", entries("a".repeat(100), 20), "es");
            engine.persistBatch("b", entries("b".repeat(100), 20), "es");

            String message = assertThrows(dev.batchyard.engine.store.BatchTooLargeException.class,
                    () -> engine.merge(MergeRequest.of(List.of("a", "b")), OPS)).getMessage();
            assertTrue(message.contains("over persistence.max_batch_bytes (4096 bytes); nothing was changed"), message);
            assertEquals(2, engine.pendingBatches().size());
        }
    }

    @Test
    void aBatchInFlightIsNotSplit() throws Exception {
        ScriptedDelivery hanging = new ScriptedDelivery().hanging("es");
        try (BatchPersistence engine = BatchPersistence.open(PersistenceConfig.defaults(tmp.resolve("store")), hanging,
                Clock.systemUTC())) {
            engine.persistBatch("f", entries("f", 4), "es");
            await(() -> !hanging.received.isEmpty());

            BatchChangedException refused = assertThrows(BatchChangedException.class,
                    () -> engine.split(SplitRequest.chunks("f", 2), OPS));
            assertTrue(refused.getMessage().contains("being delivered"), refused.getMessage());
            assertEquals(List.of("f"), engine.pendingBatches().stream().map(BatchView::id).toList());
        }
    }
}
