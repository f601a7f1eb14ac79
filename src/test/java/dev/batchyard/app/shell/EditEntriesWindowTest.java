package dev.batchyard.app.shell;

import static dev.batchyard.app.FxWait.until;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.batchyard.app.TableRows;
import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.BatchView;
import dev.batchyard.engine.DiscardedBatch;
import dev.batchyard.model.Attempt;
import dev.batchyard.model.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window edits a batch whose sink refused 2 of its 8 entries: Edit entry… (the form, and the raw JSON
 * checked as it is typed, its error said in place), Remove entries, the history that says what changed
 * (screenshots {@code entry-edit-history-en.png} and {@code -pt.png}), and the undo: the version kept before the
 * edit restored from Recently discarded.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditEntriesWindowTest {
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static final String ID = "orders-7f3a";
    @TempDir
    static Path tempRoot;
    private MainWindowFixture app;
    private Messages messages;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(tempRoot, "store");
        RejectedEntriesWindowTest.storeWithRejectedEntries(dir);
        // the second test runs in Portuguese, the others in English
        messages = new Messages(STARTS.getAndIncrement() == 1 ? Locale.forLanguageTag("pt-BR") : Locale.ENGLISH);
        app = new MainWindowFixture(dir, stage, messages, store -> { });
    }

    @AfterEach
    void closeWindow() throws Exception {
        app.close();
    }

    private List<LogEntry> stored() {
        return app.store.console(dev.batchyard.model.Actor.osUser()).batch(ID).orElseThrow().entries();
    }

    /** The batch shown, its Entries tab open with all 8 entries, entry {@code index} selected. */
    private TableView<LogEntry> entriesWith(FxRobot robot, int index) {
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        TableRows.select(robot, batches, ID);
        robot.clickOn("#entriesTab");
        TableView<LogEntry> entries = robot.lookup("#entriesTable").queryTableView();
        until(() -> entries.getItems().size() == stored().size());
        select(robot, entries, index);
        return entries;
    }

    private void select(FxRobot robot, TableView<LogEntry> entries, int index) {
        LogEntry wanted = stored().get(index);
        robot.interact(() -> {
            entries.getSelectionModel().clearSelection();
            for (int i = 0; i < entries.getItems().size(); i++) {
                if (entries.getItems().get(i).message().equals(wanted.message())
                        && entries.getItems().get(i).timestamp().isEqual(wanted.timestamp())) {
                    entries.getSelectionModel().select(i);
                }
            }
        });
    }

    /** Edits entry 2's message and adds a label through the form, after a look at the JSON tab's checking. */
    private void editEntryTwo(FxRobot robot) {
        TableView<LogEntry> entries = entriesWith(robot, 2);
        until(() -> !robot.lookup("#editEntryButton").queryButton().isDisabled());
        robot.clickOn("#editEntryButton");
        until(() -> robot.lookup("#entryEditorDialog").tryQuery().isPresent());
        Node ok = robot.lookup("#editorOk").query();
        assertTrue(ok.isDisabled(), "nothing changed yet");

        TabPane tabs = (TabPane) robot.lookup("#entryEditorDialog").query().lookup(".tab-pane");
        robot.interact(() -> tabs.getSelectionModel().select(1));
        TextArea raw = robot.lookup("#editorJson").queryAs(TextArea.class);
        assertTrue(raw.getText().contains("latency_ms"), raw.getText());
        robot.interact(() -> raw.setText("{\"message\": \"unterminated"));
        Label jsonError = robot.lookup("#editorJsonError").queryAs(Label.class);
        until(jsonError::isVisible);
        assertTrue(jsonError.getText().startsWith(messages.text("editor.error.json").substring(0, 10)), jsonError.getText());
        assertTrue(ok.isDisabled(), "invalid JSON cannot be sent");
        robot.interact(() -> tabs.getSelectionModel().select(0));

        robot.interact(() -> {
            robot.lookup("#editorMessage").queryAs(TextField.class).setText("GET /api/orders latency_ms=0");
            robot.lookup("#editorLabels").queryAs(TextArea.class).setText("fixed_by=ops");
        });
        until(() -> !ok.isDisabled());
        robot.clickOn("#editorOk");
        until(() -> stored().get(2).message().equals("GET /api/orders latency_ms=0"));
        until(() -> entries.getItems().stream().anyMatch(e -> e.message().equals("GET /api/orders latency_ms=0")));
    }

    /** The window with the detail pane wide and its history tall enough to read the notes, saved as {@code name}. */
    private static Path shot(FxRobot robot, TableView<Attempt> attempts, String name) throws Exception {
        robot.interact(() -> {
            boolean overview = true;
            for (javafx.scene.Parent p = attempts.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.SplitPane split && split.getItems().size() == 2) {
                    split.setDividerPositions(overview ? 0.22 : 0.25);
                    if (!overview) {
                        break;
                    }
                    overview = false;
                }
            }
        });
        return DeadLettersWindowTest.save(attempts, name);
    }

    @Test
    @Order(1)
    void editAnEntryRemoveAnotherAndTakeTheEditsBack(FxRobot robot) throws Exception {
        editEntryTwo(robot);
        assertEquals("ops", stored().get(2).labels().get("fixed_by"));
        Label status = robot.lookup("#detailStatus").queryAs(Label.class);
        until(() -> status.getText().startsWith("Edited orders-7f3a; the version before is kept as orders-7f3a.before-edit"));

        TableView<LogEntry> entries = robot.lookup("#entriesTable").queryTableView();
        select(robot, entries, 5);
        robot.clickOn("#removeEntriesButton");
        until(() -> stored().size() == 7);
        until(() -> entries.getItems().size() == 7);

        robot.clickOn("#overviewTab");
        TableView<Attempt> attempts = robot.lookup("#attemptsTable").queryTableView();
        until(() -> attempts.getItems().size() == 3);
        assertEquals(Attempt.Outcome.EDITED, attempts.getItems().get(2).outcome());
        assertTrue(attempts.getItems().get(2).error().contains("entry 5 removed"), attempts.getItems().get(2).error());
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        until(() -> batches.getItems().get(0).entryCount() == 7); // the table's row is read again too
        assertTrue(Files.size(shot(robot, attempts, "entry-edit-history-en.png")) > 5_000);

        // the undo: the version from before the removal, restored from Recently discarded
        robot.clickOn("#viewMenu").clickOn("#openDiscardedMenu");
        until(() -> robot.lookup("#discardedTable").tryQuery().isPresent());
        TableView<DiscardedBatch> discarded = robot.lookup("#discardedTable").queryTableView();
        until(() -> discarded.getItems().size() == 2);
        robot.interact(() -> {
            for (int i = 0; i < discarded.getItems().size(); i++) {
                if (discarded.getItems().get(i).batch().id().equals("orders-7f3a.before-edit-2")) {
                    discarded.getSelectionModel().clearAndSelect(i);
                }
            }
        });
        until(() -> !robot.lookup("#restoreSelected").queryButton().isDisabled());
        robot.clickOn("#restoreSelected");
        until(() -> stored().size() == 8);
        assertEquals("GET /api/orders latency_ms=0", stored().get(2).message(), "the first edit stays");
        assertFalse(app.store.find(ID).isEmpty());
    }

    @Test
    @Order(2)
    void theEditedHistoryInPortuguese(FxRobot robot) throws Exception {
        editEntryTwo(robot);
        robot.clickOn("#overviewTab");
        TableView<Attempt> attempts = robot.lookup("#attemptsTable").queryTableView();
        until(() -> attempts.getItems().size() == 2);
        until(() -> robot.lookup("Editado").tryQuery().isPresent());
        assertTrue(Files.size(shot(robot, attempts, "entry-edit-history-pt.png")) > 5_000);
    }

    @Test
    @Order(3)
    void splitTheSelectedBatchByEntriesThenMergeItsPartsBack(FxRobot robot) throws Exception {
        TableView<BatchView> batches = robot.lookup("#batchTable").queryTableView();
        TableRows.select(robot, batches, ID);
        robot.clickOn("#actionsMenu").clickOn("#splitSelectedMenu");
        until(() -> robot.lookup("#splitDialog").tryQuery().isPresent());
        Node ok = robot.lookup("#splitOk").query();
        assertFalse(ok.isDisabled(), "chunks of N can always be asked");
        robot.clickOn("#splitByEntries");
        TextField entries = robot.lookup("#splitEntries").queryAs(TextField.class);
        robot.interact(() -> entries.setText("2,x"));
        Label problem = robot.lookup("#splitProblem").queryAs(Label.class);
        until(() -> ok.isDisabled() && problem.getText().contains("'x'"));
        robot.interact(() -> entries.setText("2,5"));
        until(() -> !ok.isDisabled() && problem.getText().isEmpty());
        assertTrue(Files.size(DeadLettersWindowTest.save(entries, "split-dialog-en.png")) > 5_000);
        robot.clickOn("#splitOk");
        until(() -> app.store.find("orders-7f3a.2").isPresent());
        assertEquals(2, app.store.find("orders-7f3a.1").orElseThrow().entryCount());
        assertEquals(6, app.store.find("orders-7f3a.2").orElseThrow().entryCount());

        TableRows.select(robot, batches, "orders-7f3a.1", "orders-7f3a.2");
        robot.clickOn("#actionsMenu").clickOn("#mergeSelectedMenu");
        until(() -> robot.lookup("#mergeDialog").tryQuery().isPresent());
        robot.clickOn(((javafx.scene.control.DialogPane) robot.lookup("#mergeDialog").query())
                .lookupButton(javafx.scene.control.ButtonType.OK));
        until(() -> app.store.find("orders-7f3a.1.merged").isPresent());
        assertEquals(8, app.store.find("orders-7f3a.1.merged").orElseThrow().entryCount());
    }
}
