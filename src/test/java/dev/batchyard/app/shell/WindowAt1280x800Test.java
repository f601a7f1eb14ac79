package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.MemoryPreferences;
import dev.batchyard.app.PngWriter;
import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.LanguageChoice;
import dev.batchyard.app.common.Messages;
import dev.batchyard.app.demo.RecordingDemoControls;
import dev.batchyard.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.scene.layout.GridPane;
import javafx.scene.control.Label;
import javafx.scene.control.DialogPane;
import javafx.scene.control.ButtonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main window in demo mode at its default size, 1280x800 (Monocle's headless screen): the
 * bottom tabs get room enough for readable charts and the instructor's whole panel, and a split the
 * user moved is where they left it at the next start. Saves the window at 1280x800 and 1920x1080,
 * in English and Portuguese, to {@code target/screenshots/}.
 */
@ExtendWith(ApplicationExtension.class)
class WindowAt1280x800Test {
    @TempDir
    static Path tempRoot;
    private final Preferences prefs = MemoryPreferences.node();
    private Stage stage;
    private MainWindowFixture app;
    private RecordingDemoControls demo;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
        WaitForAsyncUtils.asyncFx(() -> {
            prefs.removeNode();
            return null;
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theBottomTabsGetRoomForTheChartsAt1280x800(FxRobot robot) throws Exception {
        open(Language.ENGLISH);
        Node tabs = robot.lookup("#slotTabs").query();
        assertEquals(800, stage.getScene().getHeight(), 1);
        assertTrue(tabs.getLayoutBounds().getHeight() >= 290,
                "the bottom tabs have " + tabs.getLayoutBounds().getHeight() + " px of 800");
    }

    @Test
    void theFourChartsStandInOneRowEachTallEnoughToRead(FxRobot robot) throws Exception {
        open(Language.ENGLISH);
        robot.clickOn("#chartsTab");
        WaitForAsyncUtils.waitForFxEvents();
        for (String chart : List.of("#pendingHistoryChart", "#deliveryRateChart", "#sinkBarChart", "#retryBarChart")) {
            Bounds bounds = robot.lookup(chart).query().getLayoutBounds();
            assertTrue(bounds.getHeight() >= 200 && bounds.getWidth() >= 250, chart + " is " + bounds);
        }
    }

    @Test
    void theLiveEventsAndTheChartsRepaintOnlyWhatChangedNotThroughACachedViewport(FxRobot robot) throws Exception {
        open(Language.ENGLISH);
        robot.clickOn("#chartsTab");
        WaitForAsyncUtils.waitForFxEvents();
        // a cached ancestor (JavaFX's scroll pane caches its viewport) paints the whole panel again on every change
        for (String panel : List.of("#eventTable", "#pendingHistoryChart")) {
            for (Node up = robot.lookup(panel).query(); up != null; up = up.getParent()) {
                assertFalse(up.isCache(), panel + " sits in a cached " + up);
            }
        }
    }

    @Test
    void aLowEventsPanelKeepsItsFiltersInViewAndItsPartsApart(FxRobot robot) throws Exception {
        open(Language.ENGLISH);
        Node slot = robot.lookup("#eventsSlot").query();
        Node up = slot.getParent();
        while (!(up instanceof SplitPane)) {
            up = up.getParent();
        }
        SplitPane split = (SplitPane) up;
        robot.interact(() -> split.setDividerPositions(0.85));   // the events panel about 60 px high, half its minimum
        WaitForAsyncUtils.waitForFxEvents();
        Bounds slotBounds = slot.localToScene(slot.getLayoutBounds());
        Node view = robot.lookup("#liveEventsView").query();
        Bounds viewBounds = view.localToScene(view.getLayoutBounds());
        assertTrue(viewBounds.getMinY() >= slotBounds.getMinY() - 0.5,
                "the events panel " + viewBounds + " starts above its slot " + slotBounds + ": its filters are cut off");
        Node table = robot.lookup("#eventTable").query();
        Bounds tableBounds = table.localToScene(table.getLayoutBounds());
        Node summary = robot.lookup("#eventSummary").query();
        Bounds summaryBounds = summary.localToScene(summary.getLayoutBounds());
        assertTrue(summaryBounds.getMinY() >= tableBounds.getMaxY() - 0.5,
                "the events' summary line " + summaryBounds + " lies over their table " + tableBounds);
    }

    @Test
    void theInstructorsWholePanelShowsWithoutScrolling(FxRobot robot) throws Exception {
        open(Language.ENGLISH);
        robot.clickOn("#instructorTab");
        WaitForAsyncUtils.waitForFxEvents();
        Node panel = robot.lookup("#demoPanelView").query();
        Node up = panel.getParent();
        while (!(up instanceof ScrollPane)) {
            up = up.getParent();
        }
        ScrollPane scroll = (ScrollPane) up;
        double needed = panel.prefHeight(scroll.getViewportBounds().getWidth());
        assertTrue(needed <= scroll.getViewportBounds().getHeight(),
                "the panel needs " + needed + " px, the tab has " + scroll.getViewportBounds().getHeight());
    }

    @Test
    void f9ShowsTheCockpitWithTheSinkTilesTheChartsTheEventsAndTheInstructorsBarAtOnceAndF9Again(FxRobot robot)
            throws Exception {
        open(Language.ENGLISH);
        robot.press(KeyCode.F9).release(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(robot.lookup("#cockpit").tryQuery().isPresent(), "the cockpit is shown");
        for (String chart : List.of("#pendingHistoryChart", "#deliveryRateChart", "#sinkBarChart", "#retryBarChart")) {
            Bounds bounds = robot.lookup(chart).query().getLayoutBounds();
            assertTrue(bounds.getHeight() >= 200 && bounds.getWidth() >= 300, chart + " is " + bounds);
        }
        for (String sink : List.of("loki", "elasticsearch", "splunk")) {
            Node tile = robot.lookup("#sinkTile-" + sink).query();
            assertTrue(tile.isVisible() && tile.getLayoutBounds().getWidth() >= 150, sink + "'s tile is " + tile.getLayoutBounds());
            assertTrue(robot.lookup("#sinkTileBreak-" + sink).query().isVisible(), sink + " has Break / Heal");
        }
        assertTrue(robot.lookup("#cockpitInstructorBar").query().isVisible());
        Node events = robot.lookup("#eventTable").query();
        assertTrue(events.isVisible() && events.getLayoutBounds().getWidth() >= 450,
                "the events have " + events.getLayoutBounds().getWidth() + " px of 1280");

        robot.press(KeyCode.F9).release(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#cockpit").tryQuery().isEmpty(), "the working layout is back");
        robot.clickOn("#chartsTab");
        assertTrue(robot.lookup("#pendingHistoryChart").query().isVisible());
    }

    @Test
    void theInstructorsKeysPickASinkBreakItHealItAndSetItsFailureRate(FxRobot robot) throws Exception {
        open(Language.ENGLISH);
        robot.press(KeyCode.F9).release(KeyCode.F9);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sinkTile-loki").query().getStyleClass().contains("sink-tile-picked"), "the first sink is picked");

        robot.press(KeyCode.F2).release(KeyCode.F2);
        robot.press(KeyCode.F3).release(KeyCode.F3);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sinkTile-elasticsearch").query().getStyleClass().contains("sink-tile-picked"));
        assertEquals("outage elasticsearch true", demo.lastCall());
        assertEquals("Heal", robot.lookup("#sinkTileBreak-elasticsearch").queryLabeled().getText());
        robot.press(KeyCode.F3).release(KeyCode.F3);
        assertEquals("outage elasticsearch false", demo.lastCall());

        robot.press(KeyCode.F7).release(KeyCode.F7);
        robot.press(KeyCode.F7).release(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("failures elasticsearch 0.2", demo.lastCall());
        assertEquals("fails 20%", robot.lookup("#sinkTileFailureRate-elasticsearch").queryLabeled().getText());
        robot.press(KeyCode.SHIFT, KeyCode.F2).release(KeyCode.F2, KeyCode.SHIFT);
        robot.press(KeyCode.F6).release(KeyCode.F6);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sinkTile-loki").query().getStyleClass().contains("sink-tile-picked"), "back to loki");
        assertEquals("failures elasticsearch 0.2", demo.lastCall(), "loki fails 0% already: F6 changes nothing");
        robot.press(KeyCode.F8).release(KeyCode.F8);
        assertEquals("start", demo.lastCall());
        robot.press(KeyCode.SHIFT, KeyCode.F8).release(KeyCode.F8, KeyCode.SHIFT);
        assertEquals("burst 200", demo.lastCall());
        save("cockpit-keys-1280x800-en.png");

        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        GridPane keys = robot.lookup("#guideKeys").queryAs(GridPane.class);
        List<String> listed = keys.getChildren().stream().filter(n -> n.getStyleClass().contains("guide-shortcut"))
                .map(n -> ((Label) n).getText()).toList();
        assertTrue(listed.containsAll(List.of("F2", "Shift+F2", "F3", "F4", "F6", "F7", "F8", "Shift+F8")),
                () -> "the user guide lists " + listed);
        DialogPane guide = robot.lookup("#userGuideDialog").queryAs(DialogPane.class);
        robot.clickOn(guide.lookupButton(ButtonType.CLOSE));
    }

    @Test
    void aSplitTheUserMovedIsWhereTheyLeftItAtTheNextStart(FxRobot robot) throws Exception {
        open(Language.ENGLISH);
        SplitPane work = robot.lookup("#workAndSlots").queryAs(SplitPane.class);
        WaitForAsyncUtils.asyncFx(() -> work.setDividerPositions(0.4)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        app.close();
        app = null;

        open(Language.ENGLISH);
        SplitPane again = robot.lookup("#workAndSlots").queryAs(SplitPane.class);
        assertEquals(0.4, again.getDividerPositions()[0], 0.01);
    }

    @Test
    void theWindowIsSavedAt1280x800And1920x1080InBothLanguages(FxRobot robot) throws Exception {
        for (Language language : List.of(Language.ENGLISH, Language.BRAZILIAN_PORTUGUESE)) {
            String tag = language == Language.ENGLISH ? "en" : "pt-BR";
            open(language);
            robot.clickOn("#chartsTab");
            Thread.sleep(2_500);   // the charts sample once a second
            assertTrue(Files.size(save("layout-1280x800-charts-" + tag + ".png")) > 10_000);
            robot.clickOn("#instructorTab");
            assertTrue(Files.size(save("layout-1280x800-instructor-" + tag + ".png")) > 10_000);
            robot.press(KeyCode.F9).release(KeyCode.F9);
            Thread.sleep(1_500);
            assertTrue(Files.size(save("cockpit-1280x800-" + tag + ".png")) > 10_000);
            assertTrue(Files.size(saveAsLargeScreen("cockpit-1920x1080-" + tag + ".png")) > 10_000);
            robot.press(KeyCode.F9).release(KeyCode.F9);
            robot.clickOn("#healthTab");
            Labeled forecast = robot.lookup("#capacityForecast").queryLabeled();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !forecast.getText().isEmpty());
            assertTrue(Files.size(save("layout-1280x800-health-" + tag + ".png")) > 10_000);
            robot.clickOn("#chartsTab");
            assertTrue(Files.size(saveAsLargeScreen("layout-1920x1080-charts-" + tag + ".png")) > 10_000);
            app.close();
            app = null;
            WaitForAsyncUtils.asyncFx(() -> {
                prefs.node(WindowLayout.MAIN).removeNode();
                return null;
            }).get(10, TimeUnit.SECONDS);
        }
    }

    private void open(Language language) throws Exception {
        Messages messages = LanguageChoice.messages(language);
        Path dir = Files.createTempDirectory(tempRoot, "store");
        // a stage shown before takes the new scene's preferred size under Monocle, not the remembered 1280x800
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
        app = WaitForAsyncUtils.asyncFx(() -> new MainWindowFixture(dir, stage, messages, prefs,
                demo = new RecordingDemoControls(List.of("loki", "elasticsearch", "splunk")), store -> {
                    for (int i = 0; i < 30; i++) {
                        store.add(String.format("batch-17641600%08d", i), TestStore.SINKS[i % 3], 3 + i % 9, i % 4,
                                i % 4 == 0 ? "" : "dial tcp 10.0.0." + i + ":3100: connect: connection refused");
                    }
                })).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);   // the split's remembered position is put back after the first layout
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * The window laid out at 1920x1080 in a scene of its own (Monocle's screen is 1280x800, so a
     * stage that large cannot be shown), then put back.
     */
    private Path saveAsLargeScreen(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target", "screenshots", name);
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> {
            Scene shown = stage.getScene();
            Parent window = shown.getRoot();
            shown.setRoot(new Pane());
            Scene large = new Scene(window, 1920, 1080);
            large.getStylesheets().setAll(shown.getStylesheets());
            try {
                return large.snapshot(null);
            } finally {
                large.setRoot(new Pane());
                shown.setRoot(window);
            }
        }).get(), file);
        return file;
    }

    private Path save(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target", "screenshots", name);
        PngWriter.write(WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(), file);
        return file;
    }
}
