package dev.batchyard.app.goimport;

import dev.batchyard.app.common.Messages;
import javafx.scene.control.Alert;
import javafx.scene.control.ListView;
import javafx.stage.Window;

/** The import's summary: the counts as the header and the skipped files, each with its reason. */
public final class GoImportDialog {
    private final Messages messages;

    public GoImportDialog(Messages messages) {
        this.messages = messages;
    }

    public void show(Window owner, GoImportSummary summary) {
        Alert alert = new Alert(summary.skipped() == 0 ? Alert.AlertType.INFORMATION : Alert.AlertType.WARNING);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(messages.text("goImport.title"));
        alert.setHeaderText(summary.headline());
        alert.getDialogPane().setId("goImportDialog");
        if (summary.skippedFiles().isEmpty()) {
            alert.setContentText(messages.text("goImport.nothingSkipped"));
        } else {
            ListView<String> files = new ListView<>();
            files.setId("goImportSkipped");
            files.getItems().setAll(summary.skippedFiles());
            files.setPrefSize(640, Math.min(320, 28 * summary.skippedFiles().size() + 8));
            alert.getDialogPane().setContent(files);
        }
        alert.setResizable(true);
        alert.showAndWait();
    }
}
