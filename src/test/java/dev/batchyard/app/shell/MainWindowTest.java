package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.FxWait;
import dev.batchyard.app.TableRows;
import dev.batchyard.engine.BatchQuery;
import dev.batchyard.engine.BatchView;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.ListView;
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

/** The real window on a real store: each test drives it and checks the engine afterwards. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    @TempDir
    static Path tempRoot;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory(tempRoot, "store");
        app = new MainWindowFixture(dir, stage, store -> {
            store.add("alpha-1", "loki", 4, 1, "dial tcp 10.0.0.5:3100: connection refused");
            store.add("alpha-2", "loki", 6, 2, "dial tcp 10.0.0.7:3100: connection refused");
            store.add("beta-1", "elasticsearch", 3, 1, "bulk request failed: 503 Service Unavailable");
            store.add("beta-2", "elasticsearch", 5, 0, "");
            store.add("gamma-1", "loki", 2, 0, "");
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    private TableView<BatchView> table(FxRobot robot) {
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        FxWait.until(() -> table.getItems().size() == 5);
        return table;
    }

    @Test
    void typingInTheSearchFieldShowsWhatTheEngineMatches(FxRobot robot) {
        TableView<BatchView> table = table(robot);

        robot.clickOn("#filterText").write("refused");

        int expected = app.store.engine.query(BatchQuery.all().withText("refused")).size();
        assertEquals(2, expected);
        // the table asks the store off the UI thread: its answer lands after the typing's events
        FxWait.until(FxWait.SECONDS, () -> "the table shows " + expected + " rows; it shows " + table.getItems().size(),
                () -> table.getItems().size() == expected);
    }

    @Test
    void clickingABatchLoadsItsEntriesFromTheStore(FxRobot robot) {
        TableView<BatchView> table = table(robot);

        TableRows.click(robot, table, "alpha-2");
        robot.clickOn("#entriesTab");

        TableView<?> entries = robot.lookup("#entriesTable").queryTableView();
        FxWait.until(() -> entries.getItems().size() == app.store.engine.batch("alpha-2").orElseThrow().entries().size());
        assertEquals(6, entries.getItems().size());
    }

    @Test
    void retryingOneBatchSendsItToItsSink(FxRobot robot) throws Exception {
        TableRows.select(robot, table(robot), "beta-1");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);

        assertTrue(app.store.awaitGone("beta-1"));
        assertTrue(app.store.delivery.delivered("elasticsearch", "beta-1"));
    }

    /** The selection made with the mouse, a click and a Ctrl+click on the rows (the others select through the table's model). */
    @Test
    void discardingASelectionGoesThroughTheConfirmation(FxRobot robot) {
        TableView<BatchView> table = table(robot);
        TableRows.click(robot, table, "alpha-1");
        robot.press(KeyCode.CONTROL);
        TableRows.click(robot, table, "gamma-1");
        robot.release(KeyCode.CONTROL);

        robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
        FxWait.until(() -> robot.lookup("#confirmDialog").tryQuery().isPresent());
        String question = robot.lookup("#confirmDialog").queryAs(javafx.scene.control.DialogPane.class).getHeaderText();
        robot.clickOn("#discardReason").write("test traffic");
        robot.clickOn("#confirmButton");

        assertEquals("Discard 2 batches (6 entries)?", question);
        FxWait.until(() -> app.store.find("alpha-1").isEmpty() && app.store.find("gamma-1").isEmpty());
        assertEquals(3, app.store.engine.stats().total());
    }

    @Test
    void reroutingThroughTheChooserMovesTheBatch(FxRobot robot) {
        TableRows.select(robot, table(robot), "alpha-1");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        ListView<?> choices = robot.lookup("#sinkChoices").queryListView();
        FxWait.until(() -> choices.getItems().size() == 3);
        robot.clickOn("archive \u2014 holding batches back");
        robot.clickOn("#confirmButton");

        FxWait.until(() -> "archive".equals(app.store.find("alpha-1").orElseThrow().sink()));
    }

    @Test
    void theSelectionSurvivesARoundOfChangesFromTheEngine(FxRobot robot) {
        TableView<BatchView> table = table(robot);
        TableRows.select(robot, table, "beta-2");

        app.store.engine.markBatchFailed("alpha-1", "read timeout");
        app.store.add("delta-1", "loki", 1, 0, "");
        FxWait.until(() -> table.getItems().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(java.util.List.of("beta-2"),
                table.getSelectionModel().getSelectedItems().stream().map(BatchView::id).toList());
        assertEquals("beta-2", robot.lookup("#detail-id").queryLabeled().getText());
    }

    @Test
    void theThemeToggleSwitchesToDarkAndRemembersIt(FxRobot robot) {
        table(robot);

        robot.clickOn("#toggleThemeButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        assertTrue(app.prefs.getBoolean(ThemeSwitcher.KEY, false));
        robot.clickOn("#toggleThemeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"));
    }
}
