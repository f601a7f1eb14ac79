package dev.batchyard.app.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.detail.GoBatchJson;
import dev.batchyard.engine.BatchView;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.model.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsViewModelTest {
    private static final Formats FORMATS = new Formats(new Messages(Locale.ENGLISH), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private TestStore store;

    private ActionsViewModel model(boolean readOnly) {
        return new ActionsViewModel(BatchOperations.of(store.console(new Actor("test-operator"))),
                new GoBatchJson(new GoJson()), new CurrentThreadTaskExecutor(), FORMATS, readOnly);
    }

    private List<BatchView> addBatches(int n, String sink) {
        List<BatchView> views = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            views.add(store.add("b-" + i, sink, 3, 1, "503 Service Unavailable"));
        }
        return views;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theConfirmationStatesHowManyBatchesAndEntries() {
        store = TestStore.open(dir);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_204; i++) {
            ids.add("b-" + i);
        }

        String question = model(false).confirmation(new BulkAction.Discard("", null),
                new ActionTarget(ActionTarget.Scope.FILTERED, ids, 58_311));

        assertEquals("Discard 1,204 batches (58,311 entries)?", question);
    }

    @Test
    void aConfirmationForOneBatchIsSingular() {
        store = TestStore.open(dir);

        String question = model(false).confirmation(new BulkAction.Reroute("archive"),
                new ActionTarget(ActionTarget.Scope.SELECTION, List.of("b-1"), 12));

        assertEquals("Reroute 1 batch (12 entries) to archive?", question);
    }

    @Test
    void discardRemovesExactlyTheConfirmedBatches() {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(5, "loki");
        ActionTarget target = ActionTarget.of(ActionTarget.Scope.SELECTION, views.subList(1, 3));
        ActionsViewModel inTest = model(false);

        inTest.run(new BulkAction.Discard("test traffic", null), target);

        assertTrue(store.find("b-1").isEmpty());
        assertTrue(store.find("b-2").isEmpty());
        assertEquals(3, store.engine.stats().total());
        assertEquals("Discarded 2 of 2 batches.", inTest.outcomeProperty().get());
    }

    @Test
    void discardWithExportFirstWritesEachGoFileBeforeRemovingTheBatch() throws Exception {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(2, "loki");
        Path exports = Files.createDirectories(dir.resolve("exports"));
        ActionsViewModel inTest = model(false);

        inTest.run(new BulkAction.Discard("", exports), ActionTarget.of(ActionTarget.Scope.SELECTION, views));

        assertTrue(Files.readString(exports.resolve("batch_b-0.json")).contains("\"sink_type\": \"loki\""));
        assertTrue(Files.exists(exports.resolve("batch_b-1.json")));
        assertEquals(0, store.engine.stats().total());
    }

    @Test
    void aDiscardWhoseExportFailsKeepsTheBatch() {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(1, "loki");
        ActionsViewModel inTest = model(false);

        inTest.run(new BulkAction.Discard("", dir.resolve("no-such-folder")),
                ActionTarget.of(ActionTarget.Scope.SELECTION, views));

        assertTrue(store.find("b-0").isPresent());
        assertTrue(inTest.outcomeProperty().get().startsWith("No batch was discarded. 1 was not: export to "),
                inTest.outcomeProperty().get());
    }

    @Test
    void rerouteMovesTheBatchesToTheChosenSink() {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(3, "loki");
        ActionsViewModel inTest = model(false);

        inTest.run(new BulkAction.Reroute("archive"), ActionTarget.of(ActionTarget.Scope.FILTERED, views));

        assertEquals("archive", store.find("b-0").orElseThrow().sink());
        assertEquals("archive", store.find("b-2").orElseThrow().sink());
    }

    @Test
    void aRerouteToAnUnconfiguredSinkIsRefusedWithTheEnginesReason() {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(2, "loki");
        ActionsViewModel inTest = model(false);

        inTest.run(new BulkAction.Reroute("kafka"), ActionTarget.of(ActionTarget.Scope.FILTERED, views));

        assertEquals("loki", store.find("b-0").orElseThrow().sink());
        assertEquals(2, inTest.lastSummaryProperty().get().refusedCount());
        assertTrue(inTest.outcomeProperty().get().contains("sink 'kafka' is not configured or is disabled (2)"),
                inTest.outcomeProperty().get());
    }

    @Test
    void aRefusedRerouteInPortugueseGroupsTheRefusalsUnderTheirPortugueseReason() {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(2, "loki");
        views.add(store.add("c-1", "archive", 1, 0, ""));
        ActionsViewModel inTest = new ActionsViewModel(BatchOperations.of(store.console(new Actor("test-operator"))),
                new GoBatchJson(new GoJson()), new CurrentThreadTaskExecutor(),
                new Formats(new Messages(Locale.forLanguageTag("pt-BR")), ZoneOffset.UTC), false);

        inTest.run(new BulkAction.Reroute("archive"), ActionTarget.of(ActionTarget.Scope.FILTERED, views));

        assertEquals(1, inTest.lastSummaryProperty().get().refusedCount());
        assertTrue(inTest.outcomeProperty().get().contains("1 lote recusado: já está direcionado para archive (1)."),
                inTest.outcomeProperty().get());
    }

    @Test
    void anActionTheEngineRefusesWhollyIsSaidInTheOperatorsLanguage() {
        TestStore.open(dir).close();
        store = TestStore.open(dir, true);
        ActionsViewModel inTest = new ActionsViewModel(BatchOperations.of(store.console(new Actor("test-operator"))),
                new GoBatchJson(new GoJson()), new CurrentThreadTaskExecutor(),
                new Formats(new Messages(Locale.forLanguageTag("pt-BR")), ZoneOffset.UTC), false);

        inTest.runCleanupNow();

        assertEquals("A ação falhou: O armazenamento " + dir.resolve("store")
                + " está aberto só para leitura: nada pode ser alterado nele.", inTest.outcomeProperty().get());
    }

    @Test
    void retrySendsTheBatchNowAndItLeavesTheStore() throws InterruptedException {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(2, "elasticsearch");
        ActionsViewModel inTest = model(false);

        inTest.run(new BulkAction.Retry(), ActionTarget.of(ActionTarget.Scope.SELECTION, views.subList(0, 1)));

        assertTrue(store.awaitGone("b-0"));
        assertTrue(store.delivery.delivered("elasticsearch", "b-0"));
        assertTrue(store.find("b-1").isPresent());
    }

    @Test
    void aWindowsLockOnChangesRefusesActionsUntilLiftedAndNeverOpensAReadOnlyStore() throws InterruptedException {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(2, "elasticsearch");
        ActionsViewModel inTest = model(false);
        javafx.beans.property.SimpleBooleanProperty locked = new javafx.beans.property.SimpleBooleanProperty(true);
        inTest.lockChanges(locked);

        assertTrue(inTest.readOnlyProperty().get());
        inTest.run(new BulkAction.Retry(), ActionTarget.of(ActionTarget.Scope.SELECTION, views.subList(0, 1)));
        assertTrue(store.find("b-0").isPresent(), "a locked window retried");
        assertFalse(store.delivery.delivered("elasticsearch", "b-0"));

        locked.set(false);
        assertFalse(inTest.readOnlyProperty().get());
        inTest.run(new BulkAction.Retry(), ActionTarget.of(ActionTarget.Scope.SELECTION, views.subList(0, 1)));
        assertTrue(store.awaitGone("b-0"));

        ActionsViewModel readOnlyStore = model(true);
        readOnlyStore.lockChanges(new javafx.beans.property.SimpleBooleanProperty(false));
        assertTrue(readOnlyStore.readOnlyProperty().get(), "unlocking a window made a read-only store writable");
    }

    @Test
    void cancelStopsAfterTheCurrentChunkAndSaysHowManyWereNotTouched() {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(BulkActionRun.CHUNK * 3, "loki");
        ActionsViewModel inTest = model(false);
        inTest.progressProperty().addListener((o, was, is) -> inTest.cancel());

        inTest.run(new BulkAction.Discard("", null), ActionTarget.of(ActionTarget.Scope.FILTERED, views));

        ActionSummary summary = inTest.lastSummaryProperty().get();
        assertTrue(summary.cancelled());
        assertEquals(BulkActionRun.CHUNK, summary.done());
        assertEquals(BulkActionRun.CHUNK * 2, summary.untouched());
        assertEquals(BulkActionRun.CHUNK * 2, store.engine.stats().total());
    }

    @Test
    void aBatchGoneMeanwhileIsCountedAsRefusedNotAsAnError() {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(2, "loki");
        store.engine.discard(List.of("b-1"), "elsewhere", new Actor("someone-else"));
        ActionsViewModel inTest = model(false);

        inTest.run(new BulkAction.Discard("", null), ActionTarget.of(ActionTarget.Scope.FILTERED, views));

        assertEquals(1, inTest.lastSummaryProperty().get().done());
        assertEquals(1, inTest.lastSummaryProperty().get().refusedCount());
    }

    @Test
    void aReadOnlyStoreRunsNoAction() throws Exception {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(1, "loki");
        store.close();
        store = TestStore.open(dir, true);
        ActionsViewModel inTest = model(true);

        inTest.run(new BulkAction.Discard("", null), ActionTarget.of(ActionTarget.Scope.SELECTION, views));
        inTest.toggleRecovery();

        assertTrue(store.find("b-0").isPresent());
        assertFalse(inTest.runningProperty().get());
        assertEquals("", inTest.outcomeProperty().get());
    }

    @Test
    void toggleRecoveryPausesAndResumesTheEngine() {
        store = TestStore.open(dir);
        ActionsViewModel inTest = model(false);

        inTest.toggleRecovery();
        assertTrue(store.engine.isRecoveryPaused());
        assertTrue(inTest.recoveryPausedProperty().get());

        inTest.toggleRecovery();
        assertFalse(store.engine.isRecoveryPaused());
    }

    @Test
    void whileTheServerIsAwayEveryChangeIsRefusedWithAMessageAndNothingIsSent() {
        store = TestStore.open(dir);
        List<BatchView> views = addBatches(3, "loki");
        ActionsViewModel model = model(false);
        ActionTarget target = ActionTarget.of(ActionTarget.Scope.SELECTION, views.subList(0, 2));

        model.setConnected(false);
        assertTrue(model.readOnlyProperty().get());
        model.run(new BulkAction.Discard("gone", null), target);
        model.toggleRecovery();
        model.runCleanupNow();
        model.restore(List.of("b-0"));

        assertEquals("Not connected to the server: nothing was sent. Changes are possible again once it answers.",
                model.outcomeProperty().get());
        assertTrue(store.find("b-0").isPresent() && store.find("b-1").isPresent());
        assertFalse(model.recoveryPausedProperty().get());

        model.setConnected(true);
        assertFalse(model.readOnlyProperty().get());
        model.run(new BulkAction.Discard("gone", null), target);
        assertTrue(store.find("b-0").isEmpty() && store.find("b-1").isEmpty());
        assertTrue(store.find("b-2").isPresent());
    }

    @Test
    void aReadOnlyStoreStaysReadOnlyWhenItsServerAnswersAgain() {
        store = TestStore.open(dir);
        ActionsViewModel model = model(true);

        model.setConnected(false);
        model.setConnected(true);

        assertTrue(model.readOnlyProperty().get());
    }
}
