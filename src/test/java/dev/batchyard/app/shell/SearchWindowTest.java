package dev.batchyard.app.shell;

import static dev.batchyard.app.shell.DeadLettersWindowTest.save;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.FxWait;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.search.HitRow;
import dev.batchyard.engine.BatchView;
import dev.batchyard.model.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.TabPane;
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
 * View › Search entries in the real window over a real store: hits stream in grouped by batch,
 * a double click opens the batch at that entry, and the batches with hits can be selected for an action.
 */
@ExtendWith(ApplicationExtension.class)
class SearchWindowTest {
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = new MainWindowFixture(dir, stage, new Messages(Locale.ENGLISH), store -> {
            store.add("alpha-1", "loki", 12, 1, "503 Service Unavailable");
            store.add("beta-1", "elasticsearch", 3, 1, "bulk request failed: 400");
            store.add("gamma-1", "loki", 12, 1, "503 Service Unavailable");
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private TableView<HitRow> search(FxRobot robot, String query) {
        robot.lookup("#batchTable").queryTableView();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#searchQuery").tryQuery().isPresent());
        robot.clickOn("#searchQuery").write(query).type(KeyCode.ENTER);
        return robot.lookup("#searchHits").queryTableView();
    }

    @Test
    void hitsArriveGroupedByBatchWithTheirEntry(FxRobot robot) throws Exception {
        TableView<HitRow> hits = search(robot, "\"entry 1\"");

        FxWait.until(() -> hits.getItems().size() == 7);
        List<String> where = hits.getItems().stream().map(h -> h.batchId() + "#" + h.entryIndex()).toList();
        assertEquals(Set.of("alpha-1", "beta-1", "gamma-1"), where.stream().map(w -> w.split("#")[0])
                .collect(Collectors.toSet()));
        assertTrue(where.containsAll(List.of("alpha-1#1", "alpha-1#10", "alpha-1#11", "beta-1#1", "gamma-1#11")), where::toString);
        FxWait.until(() -> robot.lookup("#searchStatus").queryLabeled().getText().contains("Done"));
        assertTrue(robot.lookup("#searchStatus").queryLabeled().getText().startsWith("7 hits in 3 batches"),
                robot.lookup("#searchStatus").queryLabeled().getText());
        assertTrue(Files.size(save(hits, "search-entries-en.png")) > 10_000);
    }

    @Test
    void aDoubleClickOpensTheBatchAtThatEntry(FxRobot robot) {
        TableView<HitRow> hits = search(robot, "\"entry 10 of gamma\"");
        FxWait.until(() -> hits.getItems().size() == 1);

        robot.interact(() -> hits.getSelectionModel().select(0));
        robot.clickOn("#searchOpen");

        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        FxWait.until(() -> batches.getSelectionModel().getSelectedItems().size() == 1
                && batches.getSelectionModel().getSelectedItem().id().equals("gamma-1"));
        // the detail reads the batch in the background: wait for its entries table to hold them
        FxWait.until(() -> robot.lookup("#detailView").query().lookupAll(".table-view").stream()
                .anyMatch(n -> n != null && ((TableView<?>) n).getItems().size() == 12));
        @SuppressWarnings("unchecked")
        TableView<LogEntry> entries = (TableView<LogEntry>) robot.lookup("#detailView").query().lookupAll(".table-view")
                .stream().filter(n -> n != null && ((TableView<?>) n).getItems().size() == 12).findFirst().orElseThrow();
        FxWait.until(() -> entries.getSelectionModel().getSelectedItem() != null);
        assertEquals("entry 10 of gamma-1", entries.getSelectionModel().getSelectedItem().message());
        TabPane tabs = (TabPane) robot.lookup("#detailView").query().lookup(".tab-pane");
        assertEquals("entriesTab", tabs.getSelectionModel().getSelectedItem().getId());
    }

    @Test
    void theBatchesWithHitsCanBeSelectedForAnAction(FxRobot robot) {
        TableView<HitRow> hits = search(robot, "of -beta \"entry 2\"");
        FxWait.until(() -> hits.getItems().size() == 2);

        robot.clickOn("#searchSelectAll");

        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        FxWait.until(() -> batches.getSelectionModel().getSelectedItems().size() == 2);
        assertEquals(Set.of("alpha-1", "gamma-1"), batches.getSelectionModel().getSelectedItems().stream()
                .map(BatchView::id).collect(Collectors.toSet()));
    }
}
