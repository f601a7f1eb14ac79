package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.FxWait;
import dev.batchyard.app.PngWriter;
import dev.batchyard.app.TableRows;
import dev.batchyard.app.TestStore;
import dev.batchyard.engine.BatchView;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Saves the main window (Monocle's headless screen is 1280x800, the window's default size), light and dark, to {@code target/screenshots/} for people to look at. */
@ExtendWith(ApplicationExtension.class)
class MainWindowScreenshotTest {
    private static final String[] REASONS = {
        "dial tcp 10.0.%d.%d:3100: connect: connection refused",
        "elasticsearch bulk request failed: 503 Service Unavailable",
        "Post \"http://loki:3100/loki/api/v1/push\": context deadline exceeded after %d ms",
    };

    @TempDir
    Path dir;
    private MainWindowFixture app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new MainWindowFixture(dir, stage, store -> {
            for (int i = 0; i < 40; i++) {
                String sink = TestStore.SINKS[i % 3];
                int failures = i % 4 == 0 ? 0 : i % 7 == 0 ? 10 : i % 4;
                store.add(String.format("batch-17641600%08d", i), sink, 3 + i % 9, failures,
                        String.format(REASONS[i % 3], i % 4, 10 + i, 1_000 + 37 * i));
            }
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    @Test
    void theWindowIsSavedInTheLightAndTheDarkTheme(FxRobot robot) throws Exception {
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        FxWait.until(() -> table.getItems().size() == 40);
        TableRows.select(robot, table, "batch-1764160000000005");
        FxWait.until(() -> robot.lookup("#detail-id").queryLabeled().getText().equals("batch-1764160000000005"));
        // its one failed attempt, read from the store in the background
        FxWait.until(() -> robot.lookup("#attemptsTable").queryTableView().getItems().size() == 1);

        Path light = PngWriter.save(stage.getScene(), "main-window-light.png");
        robot.clickOn("#toggleThemeButton");
        robot.clickOn("#groupsTab");
        FxWait.until(() -> !robot.lookup("#failureGroups").queryTableView().getItems().isEmpty());
        Path dark = PngWriter.save(stage.getScene(), "main-window-dark.png");
        robot.clickOn("#toggleThemeButton");

        assertTrue(Files.size(light) > 10_000);
        assertTrue(Files.size(dark) > 10_000);
    }
}
