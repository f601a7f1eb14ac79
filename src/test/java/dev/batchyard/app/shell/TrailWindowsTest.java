package dev.batchyard.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.FxWait;
import dev.batchyard.app.TableRows;
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

    static TableView<AuditRecord> openAudit(FxRobot robot) {
        robot.lookup("#batchTable").queryTableView();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#auditTable").tryQuery().isPresent());
        TableView<AuditRecord> table = robot.lookup("#auditTable").queryTableView();
        FxWait.until(() -> table.getItems().size() >= 3);
        return table;
    }

    @Test
    void theAuditTrailFiltersByActionAndById(FxRobot robot) throws Exception {
        TableView<AuditRecord> table = openAudit(robot);
        assertTrue(Files.size(DeadLettersWindowTest.save(table, "audit-trail-en.png")) > 10_000);

        ComboBox<String> action = robot.lookup("#auditAction").queryComboBox();
        robot.interact(() -> action.setValue("discard"));
        FxWait.until(() -> table.getItems().size() == 1);
        assertEquals(List.of("omega-1"), table.getItems().get(0).ids());
        robot.interact(() -> action.setValue(null));
        FxWait.until(() -> table.getItems().size() == 3);

        robot.clickOn("#auditBatchId").write("delta-1");
        FxWait.until(() -> table.getItems().size() == 1);
        assertEquals("reroute", table.getItems().get(0).action());
    }

    @Test
    void anActionTakenWhileTheAuditTrailIsOpenAppearsInIt(FxRobot robot) {
        TableView<AuditRecord> table = openAudit(robot);

        app.store.console(new Actor("bruno")).discard(List.of("gamma-1"), "duplicate");

        FxWait.until(() -> table.getItems().size() == 4);
        assertEquals("bruno", table.getItems().get(3).actor());
    }

    @Test
    void restoreFromRecentlyDiscardedBringsTheBatchBackToTheTable(FxRobot robot) throws Exception {
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        FxWait.until(() -> batches.getItems().size() == 4);
        robot.clickOn("#viewMenu").clickOn("#openDiscardedMenu");
        FxWait.until(() -> robot.lookup("#discardedTable").tryQuery().isPresent());
        TableView<DiscardedBatch> discarded = robot.lookup("#discardedTable").queryTableView();
        FxWait.until(() -> discarded.getItems().size() == 1);
        assertTrue(Files.size(DeadLettersWindowTest.save(discarded, "recently-discarded-en.png")) > 5_000);

        TableRows.select(robot, discarded, d -> d.batch().id(), "omega-1");
        FxWait.until(() -> !robot.lookup("#restoreSelected").queryButton().isDisabled());
        robot.clickOn("#restoreSelected");

        FxWait.until(() -> app.store.find("omega-1").isPresent());
        FxWait.until(() -> batches.getItems().stream().anyMatch(b -> b.id().equals("omega-1")));
        FxWait.until(() -> discarded.getItems().isEmpty());
        FxWait.until(() -> robot.lookup("#discardedNotice").queryAs(Label.class).getText().startsWith("Restored 1 of 1"));
    }

    static DialogPane rerouteOfTwo(FxRobot robot) {
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        FxWait.until(() -> batches.getItems().size() == 4);
        TableRows.select(robot, batches, "alpha-1", "beta-1");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        FxWait.until(() -> robot.lookup("#rerouteDialog").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#rerouteDialog").queryAs(DialogPane.class);
        FxWait.until(() -> robot.lookup("#rerouteDryRun").queryAs(Label.class).getText().contains("\u2022"));
        assertInsideItsWindow(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        return pane;
    }

    @Test
    void theRerouteDialogHasATitleAndNamesTheCountsWithoutScrollingSideways(FxRobot robot) throws Exception {
        DialogPane pane = rerouteOfTwo(robot);
        robot.clickOn("archive \u2014 holding batches back");
        Path shot = DeadLettersWindowTest.save(pane, "reroute-dialog-en.png");

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
        FxWait.until(() -> node.localToScene(node.getBoundsInLocal()).getMaxY() <= node.getScene().getHeight());
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
        FxWait.until(() -> batches.getItems().size() == 4);
        TableRows.select(robot, batches, "gamma-1");
        Label status = robot.lookup("#detailStatus").queryAs(Label.class);
        FxWait.until(() -> robot.lookup("#detail-state").queryAs(Label.class).getText().equals("Retrying"));

        app.store.engine.markBatchSuccess("gamma-1");

        FxWait.until(() -> status.getText().startsWith("Delivered at ") && status.getText().contains(" to loki"));
        // the two labels change in one FX event; this thread may look between them, so it waits for the second too
        FxWait.until(() -> robot.lookup("#detail-state").queryAs(Label.class).getText().isEmpty());
        assertTrue(status.getText().startsWith("Delivered at "), "the notice stays while the state is cleared");
        DeadLettersWindowTest.save(status, "detail-delivered-en.png");
        FxWait.until(() -> status.getText().equals("Select a batch to see its entries and history."));
        assertTrue(BatchDetailViewModel.GONE_NOTICE.getSeconds() < 20);
    }
}
