package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import dev.batchyard.console.ActionPreview;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * Asks before a retry of several batches or any discard, stating how many batches and entries,
 * with the dry run under the question: bytes, each sink's share, how many are in flight or dead.
 * A retry can be paced (a throttled replay). A discard also takes a reason, offers to export each batch first, and says it can be undone.
 */
public final class ConfirmActionDialog {
    private final Messages messages;
    private final ActionsViewModel model;

    public ConfirmActionDialog(Messages messages, ActionsViewModel model) {
        this.messages = messages;
        this.model = model;
    }

    /** A retry of several batches: at once, or at most N a second as a throttled replay. */
    public Optional<Confirmed> confirmRetry(Window owner, ActionTarget target, ActionPreview preview) {
        BulkAction retry = new BulkAction.Retry();
        Alert alert = alert(owner, "action.retry.title", model.confirmation(retry, target));
        PaceControl pace = new PaceControl(messages);
        alert.getDialogPane().setContent(new VBox(8, dryRun(preview), pace));
        return alert.showAndWait().filter(ButtonType.OK::equals)
                .map(b -> new Confirmed(retry, target, pace.rate()));
    }

    public Optional<BulkAction> confirmDiscard(Window owner, ActionTarget target, ActionPreview preview) {
        Alert alert = alert(owner, "action.discard.title",
                model.confirmation(new BulkAction.Discard("", null), target));
        TextField reason = new TextField();
        reason.setId("discardReason");
        reason.setPromptText(messages.text("action.discard.reasonPrompt"));
        CheckBox exportFirst = new CheckBox(messages.text("action.discard.exportFirst"));
        exportFirst.setId("exportFirst");
        ObjectProperty<Path> folder = new SimpleObjectProperty<>();
        Label folderLabel = new Label();
        folderLabel.textProperty().bind(folder.asString());
        folderLabel.visibleProperty().bind(folder.isNotNull());
        Button choose = new Button(messages.text("action.discard.chooseFolder"));
        choose.setId("chooseExportFolder");
        choose.disableProperty().bind(exportFirst.selectedProperty().not());
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.text("action.discard.chooseFolder"));
            File dir = chooser.showDialog(alert.getDialogPane().getScene().getWindow());
            if (dir != null) {
                folder.set(dir.toPath());
            }
        });
        HBox exportRow = new HBox(8, exportFirst, choose, folderLabel);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        alert.getDialogPane().setContent(new VBox(8, dryRun(preview), new Label(messages.text("action.discard.reason")),
                reason, exportRow, wrapped(messages.text("action.discard.undoNote"))));
        alert.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(exportFirst.selectedProperty().and(folder.isNull()));
        return alert.showAndWait().filter(ButtonType.OK::equals).map(b -> new BulkAction.Discard(
                reason.getText().strip(), exportFirst.isSelected() ? folder.get() : null));
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /** The dry run: what the action would touch, as the console counted it just now. */
    private Node dryRun(ActionPreview preview) {
        Label text = new Label(model.previewText(preview));
        text.setId("dryRun");
        text.setWrapText(true);
        text.getStyleClass().add("dry-run");
        return text;
    }

    private Alert alert(Window owner, String titleKey, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle(messages.text(titleKey));
        alert.setHeaderText(question);
        alert.getDialogPane().setId("confirmDialog");
        alert.getDialogPane().lookupButton(ButtonType.OK).setId("confirmButton");
        return alert;
    }
}
