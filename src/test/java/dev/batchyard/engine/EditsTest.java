package dev.batchyard.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.codec.gojson.GoJson;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits on a real store: what the edited batch holds and says, the version kept and its restore (the
 * undo), what is refused with nothing changed, and that a reopen finds what the edit returned.
 */
class EditsTest {
    private static final Actor OPS = new Actor("ops");
    private static final GoJson JSON = new GoJson();
    @TempDir
    Path tmp;

    /** A sink that refuses entries 3 and 8 of any batch for good. */
    private final ScriptedDelivery delivery = new ScriptedDelivery().sink("es", b -> CompletableFuture.completedFuture(
            DeliveryOutcome.Failed.rejected(List.of(new EntryRejection(3, "400 bad [count]"),
                    new EntryRejection(8, "400 bad [count]")), b.entries().size(), false)));

    private BatchPersistence open() {
        return BatchPersistence.open(PersistenceConfig.defaults(tmp.resolve("store")), delivery, Clock.systemUTC());
    }

    private static List<String> messages(Batch b) {
        return b.entries().stream().map(LogEntry::message).toList();
    }

    @Test
    void removingThePoisonEntriesKeepsStateAndHistoryMovesRejectionsAndKeepsTheOldVersionRestorable() throws Exception {
        try (BatchPersistence engine = open()) {
            engine.persistBatch("x", SplitAndMergeTest.entries("x", 10), "es");
            SplitAndMergeTest.await(() -> engine.find("x").map(b -> b.state() == BatchState.DEAD).orElse(false));
            delivery.admission("es", Admission.hold());
            EventSubscription events = engine.subscribe(100);

            EditResult result = engine.edit(new EditRequest.RemoveEntries("x", List.of(8, 3)), OPS);

            EditResult.Edited edited = result.batches().get(0);
            assertEquals("x", edited.id());
            assertEquals("x.before-edit", edited.previousVersion());
            assertEquals(10, edited.entriesBefore());
            assertEquals(8, edited.entriesAfter());
            assertEquals(List.of("entry 3 removed: \"x entry 3\"", "entry 8 removed: \"x entry 8\""), edited.changes());
            List<BatchEvent> seen = events.await(5, TimeUnit.SECONDS);
            assertTrue(seen.stream().anyMatch(e -> e instanceof BatchEvent.Edited ed && ed.id().equals("x")
                    && ed.keptAs().equals("x.before-edit") && ed.entryCount() == 8), seen.toString());
        }
        try (BatchPersistence engine = open()) { // what a reopen finds
            Batch x = engine.batch("x").orElseThrow();
            assertEquals(8, x.entries().size());
            assertTrue(messages(x).stream().noneMatch(m -> m.equals("x entry 3") || m.equals("x entry 8")));
            assertEquals(BatchState.DEAD, x.meta().state(), "an edit keeps the state: the operator requeues after");
            Attempt failed = x.meta().attempts().get(0);
            assertTrue(failed.rejections().isEmpty(), "the rejected entries are gone, so are their rejections");
            Attempt note = x.meta().attempts().get(x.meta().attempts().size() - 1);
            assertEquals(Attempt.Outcome.EDITED, note.outcome());
            assertTrue(note.error().contains("entry 3 removed") && note.error().contains("kept as x.before-edit"),
                    note.error());

            List<DiscardedBatch> kept = engine.discarded();
            assertEquals(1, kept.size());
            assertEquals("x.before-edit", kept.get(0).batch().id());
            assertEquals("x", kept.get(0).versionOf());
            assertEquals(10, kept.get(0).batch().entryCount());

            String audit = Files.readString(tmp.resolve("store").resolve("audit.log"));
            assertTrue(audit.contains("\"action\":\"edit\"") && audit.contains("removed entries 3,8")
                    && audit.contains("entry 8 removed"), audit);

            // the undo: the old version back as x, the edited one kept the same way
            List<ActionResult> restored = engine.restore(List.of("x.before-edit"), OPS);
            assertEquals(ActionResult.Reason.VERSION_RESTORED, restored.get(0).reason(), restored.toString());
            assertEquals(List.of("x", "x.before-edit"), restored.get(0).args());
            Batch back = engine.batch("x").orElseThrow();
            assertEquals(10, back.entries().size());
            assertEquals(List.of(3, 8), back.meta().attempts().get(0).rejections().stream()
                    .map(EntryRejection::index).toList(), "the version as it was, rejections and all");
            assertEquals(1, engine.discarded().size());
            assertEquals(8, engine.discarded().get(0).batch().entryCount(),
                    "the edited version is kept in turn: the restore can itself be taken back");
        }
    }

    @Test
    void oneEntryIsReplacedByEditedJsonWithWhatChangedBeforeAndAfter() throws Exception {
        try (BatchPersistence engine = open()) {
            delivery.admission("es", Admission.hold());
            engine.persistBatch("y", SplitAndMergeTest.entries("y", 3), "es");
            LogEntry before = engine.batch("y").orElseThrow().entries().get(1);
            LogEntry after = before.toBuilder().message("fixed").labels(Map.of("env", "prod"))
                    .fields(Map.of("count", 3L)).build();

            EditResult result = engine.edit(new EditRequest.ReplaceEntry("y", 1, JSON.toJson(after, false),
                    JSON.toJson(before, false)), OPS);

            assertEquals(List.of("entry 1 message: \"y entry 1\" → \"fixed\"", "entry 1 label \"env\": (none) → \"prod\"",
                    "entry 1 field \"count\": (none) → 3"), result.batches().get(0).changes());
            assertEquals(List.of("y entry 0", "fixed", "y entry 2"), messages(engine.batch("y").orElseThrow()));
            assertEquals(Map.of("env", "prod"), engine.batch("y").orElseThrow().entries().get(1).labels());

            // the editor read the entry before this edit: a second edit from that reading is refused
            BatchChangedException stale = assertThrows(BatchChangedException.class, () -> engine.edit(
                    new EditRequest.ReplaceEntry("y", 1, JSON.toJson(before.toBuilder().message("other").build(), false),
                            JSON.toJson(before, false)), OPS));
            assertTrue(stale.getMessage().contains("entry 1 is no longer what was read"), stale.getMessage());
            assertEquals("fixed", engine.batch("y").orElseThrow().entries().get(1).message());
        }
    }

    @Test
    void aLabelIsSetOnEveryEntryOfSeveralBatchesInOneChangeAndRemovedAgain() throws Exception {
        try (BatchPersistence engine = open()) {
            delivery.admission("es", Admission.hold());
            engine.persistBatch("a", SplitAndMergeTest.entries("a", 2), "es");
            engine.persistBatch("b", SplitAndMergeTest.entries("b", 3), "es");

            EditResult set = engine.edit(new EditRequest.SetLabel(List.of("a", "b"), "tenant", "acme"), OPS);
            assertEquals(List.of("a", "b"), set.batches().stream().map(EditResult.Edited::id).toList());
            for (String id : List.of("a", "b")) {
                assertTrue(engine.batch(id).orElseThrow().entries().stream()
                        .allMatch(e -> "acme".equals(e.labels().get("tenant"))), id);
            }
            IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                    () -> engine.edit(new EditRequest.SetLabel(List.of("a", "b"), "tenant", "acme"), OPS));
            assertTrue(again.getMessage().contains("already"), again.getMessage());

            engine.edit(new EditRequest.SetLabel(List.of("a"), "tenant", null), OPS);
            assertTrue(engine.batch("a").orElseThrow().entries().stream().noneMatch(e -> e.labels().containsKey("tenant")));
            assertEquals(List.of("a.before-edit", "a.before-edit-2", "b.before-edit"),
                    engine.discarded().stream().map(d -> d.batch().id()).sorted().toList());
        }
    }

    @Test
    void editsThatCannotBeDoneAreRefusedWithTheirReasonAndNothingChanges() throws Exception {
        try (BatchPersistence engine = open()) {
            delivery.admission("es", Admission.hold());
            engine.persistBatch("z", SplitAndMergeTest.entries("z", 2), "es");
            String entry = JSON.toJson(engine.batch("z").orElseThrow().entries().get(0), false);

            assertRefused(engine, new EditRequest.SetLabel(List.of("z"), " ", "v"), "the label key is empty");
            assertRefused(engine, new EditRequest.ReplaceEntry("z", 0, "{\"message\": "), "not a log entry as JSON");
            assertRefused(engine, new EditRequest.ReplaceEntry("z", 0, "{\"timestamp\": \"yesterday\"}"),
                    "entry 0 of batch 'z'");
            assertRefused(engine, new EditRequest.ReplaceEntry("z", 0, "{\"labels\": {\"\": \"v\"}}"), "a label key is empty");
            assertRefused(engine, new EditRequest.ReplaceEntry("z", 5, entry), "there is no entry 5");
            assertRefused(engine, new EditRequest.ReplaceEntry("z", 0, entry), "nothing to change");
            assertRefused(engine, new EditRequest.RemoveEntries("z", List.of(0, 1)), "would leave it empty");
            assertThrows(UnknownBatchException.class, () -> engine.edit(new EditRequest.RemoveEntries("nope", List.of(0)), OPS));

            assertEquals(List.of("z entry 0", "z entry 1"), messages(engine.batch("z").orElseThrow()));
            assertTrue(engine.discarded().isEmpty(), "no version kept for an edit that was not made");
        }
    }

    private static void assertRefused(BatchPersistence engine, EditRequest request, String says) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> engine.edit(request, OPS));
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }
}
