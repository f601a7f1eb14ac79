package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.FxWait;
import dev.batchyard.app.TableRows;
import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.ReplayStatus;
import dev.batchyard.model.Actor;
import dev.batchyard.model.BatchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Requeue and the throttled replay in the real window: the requeue dialog's counts and its loop
 * guard question, a paced requeue shown in the replay strip whose Pause / Resume / Cancel reach the
 * store; screenshots to look at.
 */
@ExtendWith(ApplicationExtension.class)
class RequeueAndReplayWindowTest {
    static final int ROWS = 14;
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = open(dir, stage, new Messages(Locale.ENGLISH));
    }

    /** Thirteen dead batches (one looping: requeued four times), one retrying. */
    static MainWindowFixture open(Path dir, Stage stage, Messages messages) {
        return new MainWindowFixture(dir, stage, messages, store -> {
            store.add("alpha-1", "loki", 4, 1, "dial tcp 10.0.0.5:3100: connection refused");
            store.add("dead-1", "loki", 3, 10, "503 Service Unavailable");
            store.add("dead-2", "elasticsearch", 2, 10, "bulk request failed: 429 Too Many Requests");
            store.add("dead-3", "elasticsearch", 2, 10, "bulk request failed: 429 Too Many Requests");
            looping(store, "loop-1");
            for (int i = 4; i <= 12; i++) {
                store.add("dead-" + i, "archive", 1, 10, "write archive/2026-12-01.log: no space left on device");
            }
        });
    }

    /** A dead batch requeued four times (past requeue_loop_limit, 3), dead again each time. */
    static void looping(TestStore store, String id) {
        store.add(id, "loki", 5, 10, "400 entry too far behind");
        var console = store.console(new Actor("ana"));
        for (int i = 0; i < 4; i++) {
            console.requeue(List.of(id), null);
            for (int f = 0; f < 10; f++) {
                store.engine.markBatchFailed(id, "400 entry too far behind");
            }
        }
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    static TableView<BatchView> table(FxRobot robot) {
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        FxWait.until(() -> table.getItems().size() == ROWS);
        return table;
    }

    /** Selects {@code ids} and opens the requeue dialog with its shortcut; waits for its count. */
    static DialogPane requeueDialog(FxRobot robot, String... ids) {
        TableRows.select(robot, table(robot), ids);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#requeueDialog").tryQuery().isPresent());
        FxWait.until(() -> !robot.lookup("#confirmButton").queryButton().isDisabled());
        return robot.lookup("#requeueDialog").queryAs(DialogPane.class);
    }

    @Test
    void theRequeueDialogNamesTheCountsAndLeavesTheLoopingBatchOutUnlessIncluded(FxRobot robot) throws Exception {
        DialogPane pane = requeueDialog(robot, "alpha-1", "dead-1", "loop-1");
        Path shot = DeadLettersWindowTest.save(pane, "requeue-dialog-en.png");

        String dryRun = robot.lookup("#requeueDryRun").queryAs(Label.class).getText();
        assertTrue(dryRun.startsWith("Dry run: 2 batches, 8 entries, "), "only the dead ones: " + dryRun);
        assertTrue(dryRun.contains("; 0 in flight, 2 dead."), dryRun);
        assertTrue(dryRun.contains("\u2022 loki: 2 batches, 8 entries"), dryRun);
        assertTrue(robot.lookup("#requeueLooped").queryAs(Label.class).getText()
                .contains("loop-1 (requeued 4 times)"));
        assertEquals("Requeue 1 dead batch (3 entries) to its own sink?", pane.getHeaderText());
        assertTrue(Files.size(shot) > 5_000);

        robot.clickOn("#confirmButton");

        FxWait.until(() -> app.store.find("dead-1").orElseThrow().state() != BatchState.DEAD);
        assertEquals(1, app.store.find("dead-1").orElseThrow().requeueCount());
        assertEquals(BatchState.DEAD, app.store.find("loop-1").orElseThrow().state(), "left out");
        FxWait.until(() -> robot.lookup("#actionOutcome").queryAs(Label.class).getText().equals("Requeued 1 of 1 batches."));
    }

    @Test
    void includingTheLoopingBatchRequeuesItToo(FxRobot robot) {
        DialogPane pane = requeueDialog(robot, "dead-1", "loop-1");
        robot.clickOn("#includeLooped");
        assertEquals("Requeue 2 dead batches (8 entries) to their own sinks?", pane.getHeaderText());

        robot.clickOn("#confirmButton");

        FxWait.until(() -> app.store.find("loop-1").orElseThrow().state() != BatchState.DEAD);
        assertEquals(5, app.store.find("loop-1").orElseThrow().requeueCount());
    }

    /** Requeues every dead batch (all selected) but the looping one at 1 a second from the dialog; waits for the strip. */
    static void pacedRequeue(FxRobot robot) {
        TableView<BatchView> table = table(robot);
        TableRows.select(robot, table, "dead-1");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        FxWait.until(() -> table.getSelectionModel().getSelectedItems().size() == ROWS);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#requeueDialog").tryQuery().isPresent());
        FxWait.until(() -> !robot.lookup("#confirmButton").queryButton().isDisabled());
        robot.clickOn("#paced");
        Spinner<?> rate = robot.lookup("#paceRate").queryAs(Spinner.class);
        robot.doubleClickOn(rate.getEditor()).write("1");
        robot.clickOn("#confirmButton");
        // the strip joins the window when it first shows
        FxWait.until(() -> robot.lookup("#replayStrip").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
    }

    @Test
    void aPacedRequeueRunsAsTheStoresReplayAndTheStripsControlsReachTheStore(FxRobot robot) throws Exception {
        pacedRequeue(robot);
        ReplayStatus started = app.store.engine.replay().orElseThrow();
        assertEquals(1.0, started.rate());
        assertEquals(ROWS - 2, started.total(), "the dead ones, less the looping one");

        robot.clickOn("#replayPause");
        FxWait.until(() -> app.store.engine.replay().orElseThrow().state() == ReplayStatus.State.PAUSED);
        FxWait.until(() -> robot.lookup("#replayLine").queryAs(Label.class).getText().startsWith("Paused \u00b7 "));
        assertTrue(Files.size(DeadLettersWindowTest.save(robot.lookup("#batchTable").query(),
                "replay-strip-en.png")) > 10_000);

        robot.clickOn("#replayResume");
        FxWait.until(() -> app.store.engine.replay().orElseThrow().state() != ReplayStatus.State.PAUSED);
        robot.clickOn("#replayCancel");
        FxWait.until(() -> app.store.engine.replay().orElseThrow().state() == ReplayStatus.State.CANCELLED);
        FxWait.until(() -> robot.lookup("#replayLine").queryAs(Label.class).getText().startsWith("Cancelled \u00b7 "));
        assertNotEquals(ROWS - 2, app.store.engine.replay().orElseThrow().taken(), "cancelled before the end");

        robot.clickOn("#replayDismiss");
        FxWait.until(() -> !robot.lookup("#replayStrip").query().isVisible());
    }
}
