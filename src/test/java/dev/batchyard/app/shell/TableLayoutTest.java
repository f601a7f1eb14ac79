package dev.batchyard.app.shell;

import dev.batchyard.app.MemoryPreferences;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A table's columns as the operator left them come back in a new window over the same preferences. */
@ExtendWith(ApplicationExtension.class)
class TableLayoutTest {
    private final Preferences prefs = MemoryPreferences.node();

    @AfterEach
    void removePrefs() throws Exception {
        prefs.removeNode();
    }

    /** A window with one table of columns a, b, c (100 px each), tracked under "t". */
    private static final class Window {
        final Stage stage = new Stage();
        final TableView<String> table = new TableView<>();

        Window(Preferences prefs, boolean constrained) {
            for (String id : List.of("a", "b", "c")) {
                TableColumn<String, String> column = new TableColumn<>(id.toUpperCase());
                column.setId(id);
                column.setPrefWidth(100);
                table.getColumns().add(column);
            }
            if (constrained) {
                table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
            }
            new TableLayout(prefs).track("t", table);
            stage.setScene(new Scene(table, 600, 300));
            stage.show();
        }

        TableColumn<String, ?> column(String id) {
            return table.getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
        }

        List<String> order() {
            return table.getColumns().stream().map(TableColumn::getId).toList();
        }
    }

    private Window open(FxRobot robot, boolean constrained) {
        Window[] window = new Window[1];
        robot.interact(() -> window[0] = new Window(prefs, constrained));
        WaitForAsyncUtils.waitForFxEvents();
        return window[0];
    }

    @Test
    void widthsOrderAndHiddenColumnsSurviveClosingAndReopeningTheWindow(FxRobot robot) {
        Window first = open(robot, false);
        robot.interact(() -> {
            first.table.resizeColumn(first.column("b"), 60);
            first.column("c").setVisible(false);
            // what dragging a header does: the column leaves and comes back at its new place
            TableColumn<String, ?> a = first.column("a");
            first.table.getColumns().remove(a);
            first.table.getColumns().add(a);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double widthOfB = first.column("b").getWidth();
        robot.interact(first.stage::close);

        Window second = open(robot, false);

        assertEquals(160, widthOfB, 0.5);
        assertEquals(widthOfB, second.column("b").getWidth(), 0.5);
        assertEquals(100, second.column("a").getWidth(), 0.5);
        assertFalse(second.column("c").isVisible());
        assertEquals(List.of("b", "c", "a"), second.order());
        robot.interact(second.stage::close);
    }

    @Test
    void aWidthSetInAConstrainedTableComesBackThoughTheLastColumnTakesTheRest(FxRobot robot) {
        Window first = open(robot, true);
        robot.interact(() -> first.table.resizeColumn(first.column("a"), 70));
        WaitForAsyncUtils.waitForFxEvents();
        double widthOfA = first.column("a").getWidth();
        robot.interact(first.stage::close);

        Window second = open(robot, true);

        assertTrue(widthOfA > 150, "the resize did not take: " + widthOfA);
        assertEquals(widthOfA, second.column("a").getWidth(), 0.5);
        robot.interact(second.stage::close);
    }

    @Test
    void aColumnNewerThanTheRememberedOrderKeepsItsPlaceAfterTheRememberedOnes(FxRobot robot) {
        prefs.put("t.order", "c,a");

        Window window = open(robot, false);

        assertEquals(List.of("c", "a", "b"), window.order());
        robot.interact(window.stage::close);
    }

    @Test
    void aColumnWithoutAnIdIsRefusedAsItCouldNotBeFoundAgain() {
        TableView<String> table = new TableView<>();
        table.getColumns().add(new TableColumn<>("Nameless"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TableLayout(prefs).track("t", table));

        assertTrue(e.getMessage().contains("Nameless"), e.getMessage());
    }
}
