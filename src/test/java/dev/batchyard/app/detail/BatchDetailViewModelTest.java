package dev.batchyard.app.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.QueuedTaskExecutor;
import dev.batchyard.app.common.TaskExecutor;
import dev.batchyard.engine.Batch;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.events.BatchEvent;
import dev.batchyard.engine.store.DamagedBatchException;
import dev.batchyard.engine.store.StoreException;
import dev.batchyard.i18n.EngineTexts;
import dev.batchyard.i18n.Language;
import dev.batchyard.model.Actor;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.BatchState;
import dev.batchyard.model.DamageKind;
import dev.batchyard.model.LogEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import dev.batchyard.codec.gojson.GoJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchDetailViewModelTest {
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-11-26T15:11:12.000000789-03:00");
    private final Map<String, Batch> store = new HashMap<>();

    private static Batch batch(String id, int retries, String... messages) {
        List<Attempt> attempts = retries == 0 ? List.of() : List.of(new Attempt(CREATED.plusMinutes(1).toInstant(),
                "elasticsearch", Duration.ofMillis(85), Attempt.Outcome.FAILED, "503 Service Unavailable"));
        BatchView meta = new BatchView(id, "elasticsearch", BatchState.RETRY_WAIT, messages.length, 2_048, CREATED,
                retries == 0 ? null : CREATED.plusMinutes(1), retries, retries == 0 ? "" : "503 Service Unavailable",
                Instant.parse("2026-11-26T18:20:00Z"), Map.of("created_by", "batch_persistence"), attempts);
        List<LogEntry> entries = java.util.Arrays.stream(messages).map(m -> LogEntry.builder()
                .timestamp(CREATED).processedAt(CREATED).message(m).level(m.startsWith("E") ? "error" : "info")
                .sourceType("docker").sourceId("c0ffee12").build()).toList();
        return new Batch(meta, entries);
    }

    private BatchDetailViewModel model(TaskExecutor executor) {
        return new BatchDetailViewModel(id -> Optional.ofNullable(store.get(id)), new GoBatchJson(new GoJson()), executor,
                new EngineTexts(Language.ENGLISH));
    }

    @Test
    void showingABatchLoadsItsMetadataAttemptsAndEntries() {
        store.put("b-1", batch("b-1", 1, "container restarted", "Error: disk full"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());

        inTest.show("b-1");

        assertEquals(DetailState.LOADED, inTest.stateProperty().get());
        assertEquals("b-1", inTest.metaProperty().get().id());
        assertEquals(1, inTest.attempts().size());
        assertEquals(2, inTest.entries().size());
    }

    private static BatchEvent.CorruptionFound damageTo(String id) {
        return new BatchEvent.CorruptionFound(Instant.parse("2026-11-26T18:21:00Z"), DamageKind.BATCH_QUARANTINED,
                "/s/segments/00000000000000000003.seg", 16, "record of batch '" + id + "' fails its checksum",
                "batch set aside, not sent", List.of(id));
    }

    @Test
    void aShownBatchSetAsideByCompactionIsReadAgainAndFoundGone() {
        store.put("b-1", batch("b-1", 0, "container restarted"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");
        store.remove("b-1");

        inTest.onEvents(List.of(damageTo("b-1")));

        assertEquals(DetailState.GONE, inTest.stateProperty().get());
    }

    @Test
    void theDamageItsOwnReadFoundDoesNotMakeItReadAgain() {
        AtomicInteger reads = new AtomicInteger();
        BatchDetailViewModel inTest = new BatchDetailViewModel(id -> {
            reads.incrementAndGet();   // a read-only view: the batch stays, and every read reports it again
            throw new DamagedBatchException("batch '" + id + "' cannot be read: ...; read-only: left in place", id, null);
        }, new GoBatchJson(new GoJson()), new CurrentThreadTaskExecutor(), new EngineTexts(Language.ENGLISH));
        inTest.show("b-1");

        inTest.onEvents(List.of(damageTo("b-1")));

        assertEquals(1, reads.get());
        assertEquals(DetailState.FAILED, inTest.stateProperty().get());
        assertTrue(inTest.failureProperty().get().startsWith(
                "The batch 'b-1' is damaged on disk; this read-only view leaves it in place."), inTest.failureProperty().get());
    }

    @Test
    void entrySearchMatchesMessageLevelOrSourceIgnoringCase() {
        store.put("b-1", batch("b-1", 0, "container restarted", "Error: disk full", "healthy"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");

        inTest.entrySearchProperty().set("ERROR");
        assertEquals(List.of("Error: disk full"), inTest.entries().stream().map(LogEntry::message).toList());

        inTest.entrySearchProperty().set("c0ffee");
        assertEquals(3, inTest.entries().size());
    }

    @Test
    void aLoadFinishingAfterAnotherBatchWasChosenIsDropped() {
        store.put("slow", batch("slow", 0, "a"));
        store.put("fast", batch("fast", 0, "b", "c"));
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        BatchDetailViewModel inTest = model(executor);

        inTest.show("slow");
        inTest.show("fast");
        executor.runNewest();
        executor.runOldest();

        assertEquals("fast", inTest.metaProperty().get().id());
        assertEquals(2, inTest.entries().size());
    }

    @Test
    void aBatchLeavingTheStoreWhileShownIsMarkedGoneAndKeepsItsData() {
        store.put("b-1", batch("b-1", 0, "a"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");

        inTest.onEvents(List.of(new BatchEvent.Delivered(Instant.now(), "b-1", "elasticsearch", Duration.ZERO)));

        assertEquals(DetailState.GONE, inTest.stateProperty().get());
        assertEquals(1, inTest.entries().size());
    }

    @Test
    void aBatchDeliveredWhileShownSaysWhenAndWhereAndDropsTheStateThatWasTrueOnlyWhileStored() {
        store.put("b-1", batch("b-1", 1, "a"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");
        Instant at = Instant.parse("2026-11-26T18:22:00Z");

        inTest.onEvents(List.of(new BatchEvent.DeliveryStarted(at.minusSeconds(1), "b-1", "elasticsearch", 2),
                new BatchEvent.Delivered(at, "b-1", "elasticsearch", Duration.ofMillis(40))));

        assertEquals(new Departure("b-1", Departure.Kind.DELIVERED, at, "elasticsearch", ""),
                inTest.departureProperty().get());
        assertNull(inTest.metaProperty().get());
    }

    @Test
    void aDiscardWhileShownNamesWhoDiscardedIt() {
        store.put("b-1", batch("b-1", 0, "a"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");
        Instant at = Instant.parse("2026-11-26T18:22:00Z");

        inTest.onEvents(List.of(new BatchEvent.Discarded(at, "b-1", "elasticsearch", "test", new Actor("ana"))));

        assertEquals(new Departure("b-1", Departure.Kind.DISCARDED, at, "elasticsearch", "ana"),
                inTest.departureProperty().get());
    }

    @Test
    void theRowLeavingTheTableKeepsTheNoticeOfHowTheBatchLeft() {
        store.put("b-1", batch("b-1", 0, "a"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");
        inTest.onEvents(List.of(new BatchEvent.Expired(Instant.now(), "b-1", "elasticsearch", Duration.ofDays(1))));

        inTest.show(null);

        assertEquals(DetailState.GONE, inTest.stateProperty().get());
        assertEquals(Departure.Kind.EXPIRED, inTest.departureProperty().get().kind());
    }

    @Test
    void theNoticeOfADepartureClearsThePaneOnceItHasBeenShownItsTime() {
        store.put("b-1", batch("b-1", 0, "a"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");
        Instant at = Instant.parse("2026-11-26T18:22:00Z");
        inTest.onEvents(List.of(new BatchEvent.Delivered(at, "b-1", "elasticsearch", Duration.ZERO)));

        inTest.tick(at.plus(BatchDetailViewModel.GONE_NOTICE).minusMillis(1));
        assertEquals(DetailState.GONE, inTest.stateProperty().get());
        inTest.tick(at.plus(BatchDetailViewModel.GONE_NOTICE));

        assertEquals(DetailState.EMPTY, inTest.stateProperty().get());
        assertNull(inTest.departureProperty().get());
        assertEquals(0, inTest.entries().size());
    }

    @Test
    void choosingAnotherBatchReplacesTheNotice() {
        store.put("b-1", batch("b-1", 0, "a"));
        store.put("b-2", batch("b-2", 0, "b"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");
        inTest.onEvents(List.of(new BatchEvent.Delivered(Instant.now(), "b-1", "elasticsearch", Duration.ZERO)));

        inTest.show("b-2");

        assertNull(inTest.departureProperty().get());
        assertEquals("b-2", inTest.metaProperty().get().id());
    }

    @Test
    void aChangeToTheShownBatchReloadsIt() {
        store.put("b-1", batch("b-1", 0, "a"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");
        store.put("b-1", batch("b-1", 1, "a"));

        inTest.onEvents(List.of(new BatchEvent.DeliveryFailed(Instant.now(), "b-1", "elasticsearch", "503", 1,
                Instant.now())));

        assertEquals(1, inTest.metaProperty().get().retryCount());
    }

    @Test
    void jsonHasTheGoBatchFilesKeysInOrder() {
        store.put("b-1", batch("b-1", 3, "container restarted"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");

        String json = inTest.rawJsonProperty().get();

        int id = json.indexOf("\"id\": \"b-1\"");
        int entries = json.indexOf("\"entries\": [");
        int sink = json.indexOf("\"sink_type\": \"elasticsearch\"");
        int created = json.indexOf("\"created_at\": \"2026-11-26T15:11:12.000000789-03:00\"");
        int retries = json.indexOf("\"retry_count\": 3");
        assertTrue(id >= 0 && id < entries && entries < sink && sink < created && created < retries, json);
    }

    @Test
    void exportWritesTheJsonUnderTheGoFileName(@TempDir Path dir) throws Exception {
        store.put("b-1", batch("b-1", 0, "a"));
        BatchDetailViewModel inTest = model(new CurrentThreadTaskExecutor());
        inTest.show("b-1");
        AtomicReference<Path> written = new AtomicReference<>();

        inTest.export(dir.resolve(inTest.exportFileName()), written::set, e -> { });

        assertEquals(dir.resolve("batch_b-1.json"), written.get());
        assertEquals(inTest.rawJsonProperty().get(), Files.readString(written.get(), StandardCharsets.UTF_8));
    }

    @Test
    void aBatchThatCannotBeReadSaysWhyInTheOperatorsLanguageWithTheEnglishDetailAfterIt() {
        BatchDetailViewModel inTest = new BatchDetailViewModel(id -> {
            throw new StoreException("segment 00000007.seg: entries of batch '" + id + "' fail their checksum");
        }, new GoBatchJson(new GoJson()), new CurrentThreadTaskExecutor(), new EngineTexts(Language.BRAZILIAN_PORTUGUESE));

        inTest.show("b-1");

        assertEquals(DetailState.FAILED, inTest.stateProperty().get());
        assertEquals("O armazenamento relatou um problema. segment 00000007.seg: entries of batch 'b-1' fail their "
                + "checksum", inTest.failureProperty().get());
    }
}
