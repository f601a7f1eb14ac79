package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.common.Messages;
import dev.batchyard.app.detail.BatchDetailViewModel;
import dev.batchyard.engine.AuditRecord;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.model.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
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
 * The windows over what was done, in the real window: the audit trail filtered by action and by
 * id, Restore from the recently discarded batches, the reroute dialog's dry run, and the detail of
 * a batch delivered while shown; screenshots to look at.
 */
@ExtendWith(ApplicationExtension.class)
class TrailWindowsTest {
    @TempDir
    Path dir;
    private MainWindowFixture app;

    @Start
    void start(Stage stage) {
        app = open(dir, stage, new Messages(Locale.ENGLISH));
    }

    /**
     * Four batches in the table (one dead), and before the window opened "ana" discarded one, retried
     * one (delivered since) and rerouted one.
     */
    static MainWindowFixture open(Path dir, Stage stage, Messages messages) {
        return new MainWindowFixture(dir, stage, messages, store -> {
            store.add("alpha-1", "loki", 4, 1, "dial tcp 10.0.0.5:3100: connection refused");
            store.add("beta-1", "elasticsearch", 3, 10, "bulk request failed: 400 mapper_parsing_exception");
            store.add("gamma-1", "loki", 2, 1, "503 Service Unavailable");
            store.add("delta-1", "archive", 6, 2, "write archive/2026-12-01.log: no space left on device");
            store.add("omega-1", "loki", 5, 1, "503 Service Unavailable");
            store.add("epsilon-1", "loki", 1, 1, "503 Service Unavailable");
            var ana = store.console(new Actor("ana"));
            ana.discard(List.of("omega-1"), "test traffic from the load test");
            ana.retryNow(List.of("epsilon-1")); // sent at once, so delivered: it leaves the table
            ana.reroute(List.of("delta-1"), "loki"); // held: the test delivery holds what the recovery loop offers
        });
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }

    static Path save(Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target", "screenshots", name);
        dev.batchyard.app.PngWriter.write(WaitForAsyncUtils.asyncFx(() -> node.getScene().snapshot(null)).get(), file);
        return file;
    }

    static TableView<AuditRecord> openAudit(FxRobot robot) {
        robot.lookup("#batchTable").queryTableView();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#auditTable").tryQuery().isPresent());
        TableView<AuditRecord> table = robot.lookup("#auditTable").queryTableView();
        waitUntil(() -> table.getItems().size() >= 3);
        return table;
    }

    @Test
    void theAuditTrailFiltersByActionAndById(FxRobot robot) throws Exception {
        TableView<AuditRecord> table = openAudit(robot);
        assertTrue(Files.size(save(table, "audit-trail-en.png")) > 10_000);

        ComboBox<String> action = robot.lookup("#auditAction").queryComboBox();
        robot.interact(() -> action.setValue("discard"));
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals(List.of("omega-1"), table.getItems().get(0).ids());
        robot.interact(() -> action.setValue(null));
        waitUntil(() -> table.getItems().size() == 3);

        robot.clickOn("#auditBatchId").write("delta-1");
        waitUntil(() -> table.getItems().size() == 1);
        assertEquals("reroute", table.getItems().get(0).action());
    }

    @Test
    void anActionTakenWhileTheAuditTrailIsOpenAppearsInIt(FxRobot robot) {
        TableView<AuditRecord> table = openAudit(robot);

        app.store.console(new Actor("bruno")).discard(List.of("gamma-1"), "duplicate");

        waitUntil(() -> table.getItems().size() == 4);
        assertEquals("bruno", table.getItems().get(3).actor());
    }

    @Test
    void restoreFromRecentlyDiscardedBringsTheBatchBackToTheTable(FxRobot robot) throws Exception {
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        waitUntil(() -> batches.getItems().size() == 4);
        robot.clickOn("#viewMenu").clickOn("#openDiscardedMenu");
        waitUntil(() -> robot.lookup("#discardedTable").tryQuery().isPresent());
        TableView<DiscardedBatch> discarded = robot.lookup("#discardedTable").queryTableView();
        waitUntil(() -> discarded.getItems().size() == 1);
        assertTrue(Files.size(save(discarded, "recently-discarded-en.png")) > 5_000);

        robot.clickOn("omega-1");
        // under load the click's selection can land after the robot's next move: wait for the button it enables
        waitUntil(() -> !robot.lookup("#restoreSelected").queryButton().isDisabled());
        robot.clickOn("#restoreSelected");

        waitUntil(() -> app.store.find("omega-1").isPresent());
        waitUntil(() -> batches.getItems().stream().anyMatch(b -> b.id().equals("omega-1")));
        waitUntil(() -> discarded.getItems().isEmpty());
        waitUntil(() -> robot.lookup("#discardedNotice").queryAs(Label.class).getText().startsWith("Restored 1 of 1"));
    }

    static DialogPane rerouteOfTwo(FxRobot robot) {
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        waitUntil(() -> batches.getItems().size() == 4);
        robot.clickOn("alpha-1");
        robot.press(KeyCode.CONTROL).clickOn("beta-1").release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup("#rerouteDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#rerouteDialog").queryAs(DialogPane.class);
        waitUntil(() -> robot.lookup("#rerouteDryRun").queryAs(Label.class).getText().contains("\u2022"));
        assertInsideItsWindow(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        return pane;
    }

    @Test
    void theRerouteDialogHasATitleAndNamesTheCountsWithoutScrollingSideways(FxRobot robot) throws Exception {
        DialogPane pane = rerouteOfTwo(robot);
        robot.clickOn("archive \u2014 holding batches back");
        Path shot = save(pane, "reroute-dialog-en.png");

        String dryRun = robot.lookup("#rerouteDryRun").queryAs(Label.class).getText();
        assertTrue(dryRun.startsWith("Dry run: 2 batches, 7 entries, "), dryRun);
        assertTrue(dryRun.contains("; 0 in flight, 1 dead."), dryRun);
        assertEquals("Reroute 2 batches (7 entries) to archive?", pane.getHeaderText());
        assertEquals("Reroute to another sink", ((Stage) pane.getScene().getWindow()).getTitle());
        assertFalse(scrollBarShows(robot.lookup("#sinkChoices").queryListView(), Orientation.HORIZONTAL));
        assertFalse(scrollBarShows(robot.lookup("#sinkChoices").queryListView(), Orientation.VERTICAL));
        assertWhole(robot.lookup("#rerouteDryRun").queryAs(Label.class));
        assertInsideItsWindow(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        assertTrue(Files.size(shot) > 5_000);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    /** The node is drawn whole inside its window: the dialog grew with its dry run. */
    static void assertInsideItsWindow(Node node) {
        waitUntil(() -> node.localToScene(node.getBoundsInLocal()).getMaxY() <= node.getScene().getHeight());
    }

    /** The label is as tall as its text needs at its width: no line cut to "…". */
    static void assertWhole(Label label) throws Exception {
        double needed = WaitForAsyncUtils.asyncFx(() -> label.prefHeight(label.getWidth())).get();
        assertTrue(label.getHeight() >= needed - 0.5, () -> label.getHeight() + " < " + needed + ": " + label.getText());
    }

    static boolean scrollBarShows(ListView<?> list, Orientation orientation) {
        return list.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .anyMatch(bar -> bar.getOrientation() == orientation && bar.isVisible());
    }

    @Test
    void theDetailOfABatchDeliveredMeanwhileSaysDeliveredAtThenClears(FxRobot robot) throws Exception {
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        waitUntil(() -> batches.getItems().size() == 4);
        DeadLettersWindowTest.select(robot, batches, "gamma-1"); // not a click on its text: see select
        Label status = robot.lookup("#detailStatus").queryAs(Label.class);
        waitUntil(() -> robot.lookup("#detail-state").queryAs(Label.class).getText().equals("Retrying"));

        app.store.engine.markBatchSuccess("gamma-1");

        waitUntil(() -> status.getText().startsWith("Delivered at ") && status.getText().contains(" to loki"));
        // the two labels change in one FX event; this thread may look between them, so it waits for the second too
        waitUntil(() -> robot.lookup("#detail-state").queryAs(Label.class).getText().isEmpty());
        assertTrue(status.getText().startsWith("Delivered at "), "the notice stays while the state is cleared");
        save(status, "detail-delivered-en.png");
        waitUntil(() -> status.getText().equals("Select a batch to see its entries and history."));
        assertTrue(BatchDetailViewModel.GONE_NOTICE.getSeconds() < 20);
    }
}
