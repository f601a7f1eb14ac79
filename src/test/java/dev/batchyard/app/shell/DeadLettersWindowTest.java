package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.PngWriter;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.BatchState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dead-letter work in the real window: the dry run in the confirmation, Undo after a discard,
 * a batch held for an unconfigured sink; screenshots in English and Portuguese to look at.
 */
@ExtendWith(ApplicationExtension.class)
class DeadLettersWindowTest {
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = open(dir, stage, new Messages(Locale.ENGLISH));
    }

    /** The window on a store with a retrying, a dead, a fresh and a held batch. */
    static MainWindowFixture open(Path dir, Stage stage, Messages messages) {
        return new MainWindowFixture(dir, stage, messages, store -> {
            store.add("alpha-1", "loki", 4, 1, "dial tcp 10.0.0.5:3100: connection refused");
            store.add("beta-1", "elasticsearch", 3, 10, "bulk request failed: 400 mapper_parsing_exception");
            store.add("gamma-1", "loki", 2, 0, "");
            store.add("typo-1", "lokki", 5, 0, "");
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 10 s", e);
        }
    }

    static TableView<BatchView> table(FxRobot robot) {
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 4);
        return table;
    }

    /**
     * Selects the rows of {@code ids} through the table's selection model and gives the table the
     * focus. Not a click on the id's text: with the paged table, in the full suite, TestFX's lookup
     * by text sometimes found a spare cell of the virtual flow kept off screen with the same text,
     * and the click selected nothing. These tests are about the dialogs that follow the selection.
     */
    static void select(FxRobot robot, TableView<BatchView> table, String... ids) {
        waitUntil(() -> java.util.Arrays.stream(ids).allMatch(id -> table.getItems().stream()
                .anyMatch(v -> v != null && v.id().equals(id))));
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearSelection();
            for (String id : ids) {
                for (int i = 0; i < table.getItems().size(); i++) {
                    BatchView v = table.getItems().get(i);
                    if (v != null && v.id().equals(id)) {
                        table.getSelectionModel().select(i);
                    }
                }
            }
        });
        waitUntil(() -> table.getSelectionModel().getSelectedItems().size() == ids.length);
    }

    static DialogPane confirmation(FxRobot robot) {
        waitUntil(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        return robot.lookup("#confirmDialog").queryAs(DialogPane.class);
    }

    static Path save(Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target", "screenshots", name);
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> node.getScene().snapshot(null)).get(), file);
        return file;
    }

    static Path discardConfirmationOfTwo(FxRobot robot, String screenshot) throws Exception {
        TableView<BatchView> table = table(robot);
        // typo-1's sink is not configured: the recovery loop marks it HELD just after the open, and the
        // table reads its rows again; clicking while that read lands once lost the Ctrl+click (full suite)
        waitUntil(() -> table.getItems().stream().anyMatch(v -> v != null && v.id().equals("typo-1")
                && v.state() == BatchState.HELD));
        select(robot, table, "alpha-1", "beta-1");
        waitUntil(() -> table.getSelectionModel().getSelectedItems().size() == 2);
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        DialogPane pane = confirmation(robot);
        robot.clickOn("#discardReason").write("wrong tenant");
        return save(pane, screenshot);
    }

    @Test
    void theDiscardConfirmationNamesTheDryRunCounts(FxRobot robot) throws Exception {
        Path shot = discardConfirmationOfTwo(robot, "dry-run-dialog-en.png");

        String dryRun = robot.lookup("#dryRun").queryAs(Label.class).getText();
        assertTrue(dryRun.startsWith("Dry run: 2 batches, 7 entries, "), dryRun);
        assertTrue(dryRun.contains("; 0 in flight, 1 dead."), dryRun);
        assertTrue(dryRun.contains("\u2022 elasticsearch: 1 batch, 3 entries"), dryRun);
        assertTrue(dryRun.contains("\u2022 loki: 1 batch, 4 entries"), dryRun);
        assertTrue(Files.size(shot) > 5_000);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void discardThenUndoFromTheNoticeBringsTheBatchBack(FxRobot robot) throws Exception {
        select(robot, table(robot), "gamma-1");
        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        confirmation(robot);
        robot.clickOn("#discardReason").write("test traffic");
        robot.clickOn("#confirmButton");
        waitUntil(() -> app.store.find("gamma-1").isEmpty());
        waitUntil(() -> robot.lookup("#undoDiscard").queryButton().isVisible());

        robot.clickOn("#undoDiscard");

        waitUntil(() -> app.store.find("gamma-1").isPresent());
        assertEquals(BatchState.PENDING, app.store.find("gamma-1").orElseThrow().state());
        waitUntil(() -> robot.lookup("#actionOutcome").queryAs(Label.class).getText().startsWith("Restored 1 of 1"));
    }

    @Test
    void aBatchForASinkThatIsNotConfiguredIsHeldInTheTableAndTheStatusBar(FxRobot robot) throws Exception {
        TableView<BatchView> table = table(robot);
        waitUntil(() -> app.store.find("typo-1").orElseThrow().state() == BatchState.HELD);
        waitUntil(() -> robot.lookup("#statusHeld").queryAs(Label.class).isVisible());

        assertEquals("Held 1", robot.lookup("#statusHeld").queryAs(Label.class).getText());
        select(robot, table, "typo-1");
        waitUntil(() -> robot.lookup("sink 'lokki' is not configured or is disabled").tryQuery().isPresent());
        Thread.sleep(1_000);
        assertTrue(Files.size(save(robot.lookup("#batchTable").query(), "held-batch-en.png")) > 10_000);
    }
}
