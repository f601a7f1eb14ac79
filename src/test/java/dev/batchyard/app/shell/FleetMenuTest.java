package dev.batchyard.app.shell;

import static dev.batchyard.app.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.fleet.FleetRow;
import dev.batchyard.app.fleet.RowState;
import java.nio.file.Path;
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

/** View › Fleet (Ctrl+Alt+F) from the main window: the window's own store is in the fleet, read through its console. */
@ExtendWith(ApplicationExtension.class)
class FleetMenuTest {
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = new MainWindowFixture(dir, stage, store -> {
            store.add("alpha-1", "loki", 3, 0, null);
            store.add("beta-1", "loki", 3, 2, "503 Service Unavailable");
            store.add("gamma-1", "loki", 3, 0, null);
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    @Test
    void ctrlAltFShowsThisWindowsStoreInTheFleet(FxRobot robot) {
        robot.lookup("#batchTable").queryTableView();
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.F).release(KeyCode.F, KeyCode.ALT, KeyCode.CONTROL);
        until(() -> robot.lookup("#fleetTable").tryQuery().isPresent());
        TableView<FleetRow> fleet = robot.lookup("#fleetTable").queryTableView();

        Path own = app.store.engine.directory().toAbsolutePath();
        java.util.function.Predicate<FleetRow> ownStore = r -> r.state() == RowState.CONNECTED
                && r.connection() instanceof dev.batchyard.connections.LocalConnection l && l.store().equals(own);
        until(() -> fleet.getItems().stream().anyMatch(ownStore));
        FleetRow row = fleet.getItems().stream().filter(ownStore).findFirst().orElseThrow();
        assertEquals(2, row.figures().pending());
        assertEquals(1, row.figures().retrying());
    }
}
