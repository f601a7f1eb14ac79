package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TableRows;
import dev.batchyard.engine.BatchView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
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
 * The batches table as a window onto the store, in the real window over a real store of more rows
 * than it reads at once: rows far down are read as they come on screen, a row selected before it
 * was read is selected once it is, and a sort is the store's.
 */
@ExtendWith(ApplicationExtension.class)
class PagedBatchTableTest {
    private static final int BATCHES = 600;
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = new MainWindowFixture(dir, stage, new dev.batchyard.app.common.Messages(Locale.ENGLISH), store -> {
            for (int i = 0; i < BATCHES; i++) {
                store.add("b-%04d".formatted(i), i % 2 == 0 ? "loki" : "archive", 1, i % 50 == 0 ? 1 : 0,
                        i % 50 == 0 ? "503 Service Unavailable" : "");
            }
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    @Test
    void endSelectsTheLastRowOnceItIsRead(FxRobot robot) throws Exception {
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        waitUntil(() -> table.getItems().size() == BATCHES && table.getItems().get(0) != null);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> table.getItems().get(BATCHES - 1) == null).get(),
                "the last row is not read before it is on screen");

        TableRows.click(robot, table, WaitForAsyncUtils.asyncFx(() -> table.getItems().get(1).id()).get());
        robot.type(KeyCode.END);

        waitUntil(() -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().id().equals("b-0599"));
        assertEquals(1, table.getSelectionModel().getSelectedItems().size());
        assertTrue(Files.size(DeadLettersWindowTest.save(table, "batch-table-paged-end-en.png")) > 5_000);
    }

    @Test
    void aSortIsTheStoresAndRowsAreReadWhereTheTableScrolls(FxRobot robot) throws Exception {
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        waitUntil(() -> table.getItems().size() == BATCHES && table.getItems().get(0) != null);
        TableColumn<BatchView, ?> retries = table.getColumns().stream()
                .filter(c -> "retriesColumn".equals(c.getId())).findFirst().orElseThrow();
        TableColumn<BatchView, ?> reason = table.getColumns().stream()
                .filter(c -> "reasonColumn".equals(c.getId())).findFirst().orElseThrow();
        assertTrue(!reason.isSortable(), "the console cannot sort by the reason");

        WaitForAsyncUtils.asyncFx(() -> {
            retries.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(retries));
        }).get(10, TimeUnit.SECONDS);
        waitUntil(() -> table.getItems().get(0) != null && table.getItems().get(0).id().equals("b-0550")
                && table.getItems().get(11) != null && table.getItems().get(11).id().equals("b-0000")
                && table.getItems().get(12) != null && table.getItems().get(12).retryCount() == 0);

        WaitForAsyncUtils.asyncFx(() -> table.scrollTo(450)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> table.getItems().get(450) != null);
        assertEquals(0, WaitForAsyncUtils.asyncFx(() -> table.getItems().get(450).retryCount()).get());
    }

    @Test
    void aNewOrderShowsItsTopWhereverTheTableWasScrolled(FxRobot robot) throws Exception {
        TableView<BatchView> table = robot.lookup("#batchTable").queryTableView();
        waitUntil(() -> table.getItems().size() == BATCHES && table.getItems().get(0) != null);
        WaitForAsyncUtils.asyncFx(() -> table.scrollTo(450)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> table.getItems().get(450) != null && TableRows.firstShown(table) >= 440);

        TableColumn<BatchView, ?> retries = table.getColumns().stream()
                .filter(c -> "retriesColumn".equals(c.getId())).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> {
            retries.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(retries));
        }).get(10, TimeUnit.SECONDS);

        waitUntil(() -> TableRows.firstShown(table) == 0 && table.getItems().get(0) != null
                && table.getItems().get(0).id().equals("b-0550"));
        assertEquals("b-0550", shownRowId(robot, 0), "the top row on screen is the new order's first");
    }

    /** The id a row on screen shows, from its cell rather than the table's list. */
    private static String shownRowId(FxRobot robot, int index) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#batchTable .table-row-cell").queryAll().stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index && r.getItem() instanceof BatchView)
                .map(r -> ((BatchView) r.getItem()).id()).findFirst().orElse(null)).get(10, TimeUnit.SECONDS);
    }
}
