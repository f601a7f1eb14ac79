package dev.batchyard.app.shell;

import dev.batchyard.app.MemoryPreferences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Every table of the main window keeps the column widths the operator gave it, into the next start. */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {
    /** Each table, by id, after the tab that shows it (a table never shown has no width to resize within). */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("#batchTable", "#batchesTab");
        TABLES.put("#failureGroups", "#groupsTab");
        TABLES.put("#attemptsTable", "#overviewTab");
        TABLES.put("#entriesTable", "#entriesTab");
        TABLES.put("#eventTable", "#eventsTab");
    }

    @TempDir
    Path dir;
    private final Preferences prefs = MemoryPreferences.node();

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    @Test
    void everyTablesColumnWidthsSurviveClosingAndReopeningTheWindow(FxRobot robot) throws Exception {
        Opened first = open(robot, "first");
        // a wide detail pane, so its tables have room to give a column 40 px (the split is remembered too)
        robot.interact(() -> first.app().window.tableAndDetail().setDividerPositions(0.4));
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Double> widened = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            robot.clickOn(table.getValue());
            WaitForAsyncUtils.waitForFxEvents();
            TableColumn<?, ?> column = firstColumn(robot, table.getKey());
            double before = column.getWidth();
            robot.interact(() -> resize(robot.lookup(table.getKey()).queryTableView(), 40));
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(column.getWidth() > before + 30, table.getKey() + " did not widen: " + column.getWidth());
            widened.put(table.getKey(), column.getWidth());
        }
        first.close(robot);

        Opened second = open(robot, "second");
        Map<String, Double> reopened = new LinkedHashMap<>();
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            robot.clickOn(table.getValue());
            WaitForAsyncUtils.waitForFxEvents();
            reopened.put(table.getKey(), firstColumn(robot, table.getKey()).getWidth());
        }
        second.close(robot);

        for (String table : TABLES.keySet()) {
            assertEquals(widened.get(table), reopened.get(table), 1.0, table);
        }
    }

    @Test
    void aClosedWindowWritesNoLayoutIntoItsRemovedNodeWhenItsStageIsReused(FxRobot robot) throws Exception {
        Preferences node = prefs.node("closed");
        java.util.List<Throwable> thrown = new java.util.ArrayList<>();
        robot.interact(() -> {
            Thread.UncaughtExceptionHandler before = Thread.currentThread().getUncaughtExceptionHandler();
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
            try {
                Stage stage = new Stage();
                WindowLayout inTest = new WindowLayout(prefs, "closed");
                inTest.restoreWindow(stage);
                javafx.scene.control.SplitPane split = new javafx.scene.control.SplitPane(
                        new javafx.scene.layout.Pane(), new javafx.scene.layout.Pane());
                inTest.track("split", split, 0.5);
                inTest.close();
                node.removeNode();

                stage.setWidth(700);   // the next window on the same stage, the operator moving a divider
                split.setDividerPositions(0.3);
            } catch (java.util.prefs.BackingStoreException e) {
                throw new AssertionError(e);
            } finally {
                Thread.currentThread().setUncaughtExceptionHandler(before);
            }
        });

        assertEquals(java.util.List.of(), thrown);
    }

    private static <S> void resize(TableView<S> table, double by) {
        table.resizeColumn(table.getColumns().get(0), by);
    }

    private static TableColumn<?, ?> firstColumn(FxRobot robot, String table) {
        return robot.lookup(table).queryTableView().getColumns().get(0);
    }

    private Opened open(FxRobot robot, String name) throws Exception {
        Path store = Files.createDirectories(dir.resolve(name));
        Opened[] opened = new Opened[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            opened[0] = new Opened(stage, new MainWindowFixture(store, stage, prefs,
                    s -> s.add("b-1", "loki", 3, 1, "connection refused")));
        });
        WaitForAsyncUtils.waitForFxEvents();
        return opened[0];
    }

    private record Opened(Stage stage, MainWindowFixture app) {
        void close(FxRobot robot) {
            robot.interact(stage::close);
            try {
                app.close();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
