package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TestStore;
import dev.batchyard.engine.events.BatchEvent.CorruptionFound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a store whose last write was torn: the damage is said above the table, and shown in full. */
@ExtendWith(ApplicationExtension.class)
class DamagedStoreWindowTest {
    @TempDir
    static Path tempRoot;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tempRoot, "store");
        try (TestStore store = TestStore.open(dir)) {
            store.add("alpha-1", "loki", 4, 1, "dial tcp 10.0.0.5:3100: connection refused");
            store.add("beta-1", "elasticsearch", 3, 0, "");
        }
        try (Stream<Path> files = Files.list(dir.resolve("store").resolve("segments"))) {
            Path newest = files.filter(p -> p.toString().endsWith(".seg")).sorted().reduce((a, b) -> b).orElseThrow();
            Files.write(newest, new byte[] {0, 0, 0, 42, 1, 2, 3}, StandardOpenOption.APPEND); // a crash mid-write
        }
        app = new MainWindowFixture(dir, stage, store -> { });
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    @Test
    void damageFoundAtOpenIsABannerWhoseShowLeadsToTheReport(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#damageBanner").tryQuery()
                .map(javafx.scene.Node::isVisible).orElse(false));

        assertEquals("The store found damage: 1 report (a torn write cut off).",
                robot.lookup("#damageBannerText").queryAs(Label.class).getText());
        robot.clickOn("#showDamage");

        TabPane tabs = robot.lookup("#slotTabs").queryAs(TabPane.class);
        assertEquals("healthTab", tabs.getSelectionModel().getSelectedItem().getId());
        assertEquals("Store health (1)", tabs.getSelectionModel().getSelectedItem().getText());
        TableView<CorruptionFound> reports = robot.lookup("#damageTable").queryTableView();
        assertEquals(1, reports.getItems().size());
        assertTrue(reports.getItems().get(0).detail().startsWith("torn write at the end"),
                reports.getItems().get(0).detail());
    }
}
