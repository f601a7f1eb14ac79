package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.PngWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Help menu: F1 opens the user guide, whose keyboard map lists only shortcuts the menus bind. */
@ExtendWith(ApplicationExtension.class)
class HelpMenuTest {
    @TempDir
    static Path dir;
    private MainWindowFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new MainWindowFixture(dir, stage, store -> { });
    }

    @AfterEach
    void closeWindow() throws Exception {
        fixture.close();
    }

    @Test
    void f1OpensTheUserGuideAndEveryShortcutItListsIsBoundInTheMenus(FxRobot robot) throws Exception {
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        GridPane keys = robot.lookup("#guideKeys").queryAs(GridPane.class);
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> keys.getScene().snapshot(null)).get(),
                Path.of("target", "screenshots", "user-guide-en.png"));
        List<String> listed = new ArrayList<>();
        for (Node cell : keys.getChildren()) {
            if (cell.getStyleClass().contains("guide-shortcut")) {
                listed.add(((Label) cell).getText());
            }
        }
        Set<String> bound = menuItems(robot).stream().filter(i -> i.getAccelerator() != null)
                .map(i -> i.getAccelerator().getDisplayText()).collect(Collectors.toSet());
        assertFalse(listed.isEmpty(), "the guide lists no shortcut");
        assertTrue(bound.containsAll(listed), () -> "listed " + listed + ", bound " + bound);
        assertEquals(bound, Set.copyOf(listed), "the guide leaves out a shortcut the menus bind");
        assertEquals(listed.size(), Set.copyOf(listed).size(), () -> "a shortcut is bound twice: " + listed);
    }

    @Test
    void aboutAndTheLogFolderStayInTheHelpMenuWithoutAShortcut(FxRobot robot) {
        Menu help = robot.lookup("#mainMenuBar").queryAs(MenuBar.class).getMenus().stream()
                .filter(m -> "helpMenu".equals(m.getId())).findFirst().orElseThrow();
        List<String> ids = help.getItems().stream().map(MenuItem::getId).filter(id -> id != null).toList();

        assertEquals(List.of("userGuideMenu", "openLogFolderMenu", "aboutMenu"), ids);
        assertNull(help.getItems().get(help.getItems().size() - 1).getAccelerator(), "About has a shortcut again (F1 is the guide's)");
    }

    private static List<MenuItem> menuItems(FxRobot robot) {
        List<MenuItem> all = new ArrayList<>();
        robot.lookup("#mainMenuBar").queryAs(MenuBar.class).getMenus().forEach(m -> collect(m, all));
        return all;
    }

    private static void collect(MenuItem item, List<MenuItem> into) {
        into.add(item);
        if (item instanceof Menu menu) {
            menu.getItems().forEach(i -> collect(i, into));
        }
    }
}
