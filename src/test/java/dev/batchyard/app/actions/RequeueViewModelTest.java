package dev.batchyard.app.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.Formats;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.common.QueuedTaskExecutor;
import dev.batchyard.app.detail.GoBatchJson;
import dev.batchyard.codec.gojson.GoJson;
import dev.batchyard.console.Console;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The requeue dialog's state: its dry run, the loop guard's question, the sink, and what it runs. */
class RequeueViewModelTest {
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private static final List<SinkChoice> CHOICES = List.of(new SinkChoice("archive", SinkHealth.HEALTHY),
            new SinkChoice("lokki", SinkHealth.UNKNOWN));

    @TempDir
    Path dir;
    private TestStore store;
    private Console console;
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private ActionTarget target;
    private ActionsViewModel actions;

    @BeforeEach
    void openStore() {
        store = TestStore.open(dir);
        console = store.console(new Actor("ana"));
        BatchView dead = store.add("dead-1", "loki", 3, 10, "503");
        looping("loop-1");
        target = ActionTarget.of(ActionTarget.Scope.SELECTION, List.of(dead, store.find("loop-1").orElseThrow()));
        actions = new ActionsViewModel(BatchOperations.of(console), new GoBatchJson(new GoJson()), executor,
                new Formats(ENGLISH, ZoneOffset.UTC), false);
        executor.runAll(); // the actions' own read of the recovery state
    }

    /** A dead batch requeued four times (past requeue_loop_limit, 3), dead again each time. */
    private void looping(String id) {
        store.add(id, "loki", 5, 10, "503");
        for (int i = 0; i < 4; i++) {
            assertTrue(console.requeue(List.of(id), null).get(0).ok());
            for (int f = 0; f < 10; f++) {
                store.engine.markBatchFailed(id, "503");
            }
        }
        assertTrue(store.find(id).orElseThrow().looped());
        assertEquals(BatchState.DEAD, store.find(id).orElseThrow().state());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theCountIsMadeInTheBackgroundAndTheLoopingBatchIsLeftOutUnlessIncluded() {
        RequeueViewModel inTest = new RequeueViewModel(actions, ENGLISH, target, CHOICES);

        inTest.count();
        assertEquals("Counting what the requeue would move\u2026", inTest.dryRunProperty().get());
        assertTrue(inTest.cannotConfirmProperty().get(), "not before the looping batches are known");
        assertEquals(1, executor.waiting());
        executor.runAll();

        String dryRun = inTest.dryRunProperty().get();
        assertTrue(dryRun.startsWith("Dry run: 2 batches, 8 entries, "), dryRun);
        assertTrue(dryRun.contains("; 0 in flight, 2 dead."), dryRun);
        assertTrue(dryRun.contains("1 batch is looping"), dryRun);
        assertEquals("1 of them is looping (requeued or rerouted more than requeue_loop_limit times): "
                + "loop-1 (requeued 4 times). They are left out unless you include them.",
                inTest.loopedQuestionProperty().get());
        assertEquals("Requeue 1 dead batch (3 entries) to its own sink?", inTest.questionProperty().get());
        assertEquals(List.of("dead-1"), inTest.confirmedTarget().ids());
        assertFalse(inTest.cannotConfirmProperty().get());

        inTest.includeLoopedProperty().set(true);

        assertEquals("Requeue 2 dead batches (8 entries) to their own sinks?", inTest.questionProperty().get());
        assertEquals(List.of("dead-1", "loop-1"), inTest.confirmedTarget().ids());
    }

    @Test
    void anotherSinkMustBeChosenAndConfigured() {
        RequeueViewModel inTest = new RequeueViewModel(actions, ENGLISH, target, CHOICES);
        inTest.count();
        executor.runAll();

        inTest.ownSinkProperty().set(false);
        assertTrue(inTest.cannotConfirmProperty().get(), "no sink chosen");
        inTest.chosenProperty().set(CHOICES.get(1));
        assertTrue(inTest.cannotConfirmProperty().get(), "lokki is not configured");
        inTest.chosenProperty().set(CHOICES.get(0));

        assertFalse(inTest.cannotConfirmProperty().get());
        assertEquals("Requeue 1 dead batch (3 entries) to archive?", inTest.questionProperty().get());
        assertEquals(new BulkAction.Requeue("archive"), inTest.action());
    }

    @Test
    void confirmingRequeuesTheDeadBatchAndLeavesTheLoopingOneDead() {
        RequeueViewModel dialog = new RequeueViewModel(actions, ENGLISH, target, CHOICES);
        dialog.count();
        executor.runAll();

        actions.go(Confirmed.now(dialog.action(), dialog.confirmedTarget()));
        executor.runAll();

        BatchView requeued = store.find("dead-1").orElseThrow();
        assertTrue(requeued.state() != BatchState.DEAD, requeued.state().toString());
        assertEquals(1, requeued.requeueCount());
        assertEquals(BatchState.DEAD, store.find("loop-1").orElseThrow().state(), "left out, as the CLI does");
        assertEquals("Requeued 1 of 1 batches.", actions.outcomeProperty().get());
    }

    @Test
    void aPacedRequeueStartsTheStoresThrottledReplay() {
        List<dev.batchyard.engine.ReplayStatus> started = new java.util.ArrayList<>();
        actions.onReplayStarted(started::add);

        actions.go(new Confirmed(new BulkAction.Requeue(null), target, java.util.OptionalDouble.of(2)));
        executor.runAll();

        var replay = console.replay().orElseThrow();
        assertEquals(dev.batchyard.engine.ReplayRequest.Action.REQUEUE, replay.action());
        assertEquals(2, replay.total());
        assertEquals(2.0, replay.rate());
        assertEquals(1, started.size(), "the strip is told at once");
        assertEquals("Throttled replay started: 2 batches at most 2 a second.", actions.outcomeProperty().get());
        console.controlReplay(dev.batchyard.engine.ReplayControl.CANCEL);
    }
}
