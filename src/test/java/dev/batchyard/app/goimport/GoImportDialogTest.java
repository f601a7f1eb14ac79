package dev.batchyard.app.goimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.batchyard.app.TestStore;
import dev.batchyard.app.common.CurrentThreadTaskExecutor;
import dev.batchyard.app.common.Messages;
import dev.batchyard.legacy.GoImport;
import dev.batchyard.model.Actor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The summary dialog of a real import: the counts as its header, each skipped file with its reason. */
@ExtendWith(ApplicationExtension.class)
class GoImportDialogTest {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @Test
    void showsTheCountsAndEverySkippedFileWithItsReason(FxRobot robot) throws Exception {
        Messages messages = new Messages(Locale.ENGLISH);
        Path goDir = GoImportViewModelTest.goDirectoryWithTwoBrokenFiles(Files.createDirectories(dir.resolve("in")));
        AtomicReference<GoImportSummary> summary = new AtomicReference<>();
        try (TestStore store = TestStore.open(dir)) {
            new GoImportViewModel(store.console(new Actor("tester")), GoImport.standard(), new CurrentThreadTaskExecutor(), messages)
                    .importFrom(goDir, summary::set, failure -> {
                        throw new AssertionError(failure);
                    });
        }
        GoImportDialog inTest = new GoImportDialog(messages);

        Platform.runLater(() -> inTest.show(stage, summary.get()));
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = robot.lookup("#goImportDialog").queryAs(DialogPane.class);
        ListView<String> skipped = robot.lookup("#goImportSkipped").queryListView();
        List<String> shown = List.copyOf(skipped.getItems());
        robot.interact(() -> ((Stage) pane.getScene().getWindow()).close());
        assertEquals("Imported 2, skipped 2", pane.getHeaderText());
        assertEquals(summary.get().skippedFiles(), shown);
        assertEquals(2, shown.size());
    }
}
