package dev.batchyard.app.actions;

import dev.batchyard.app.common.Messages;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * What the reroute and requeue dialogs share: a resizable OK/Cancel dialog as wide as a sink's name
 * and health at 1280x800, the dry run under the choice, a dialog that grows when the count arrives,
 * and a sink's name with its health.
 */
final class SinkDialogs {
    /** Room for "elasticsearch-archive — holding batches back" and the dry run's sink lines. */
    static final double WIDTH = 640;

    private SinkDialogs() {
    }

    /** A resizable dialog with OK and Cancel, {@code title}d, its pane {@code id}'d, {@link #WIDTH} wide. */
    static Dialog<ButtonType> dialog(Window owner, String title, String id) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setPrefWidth(WIDTH);
        dialog.getDialogPane().setMinWidth(WIDTH);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        return dialog;
    }

    /** The dry run's words, wrapped, every sink's line whole (never cut to "…"). */
    static Label dryRun(String id, ObservableValue<String> text) {
        Label dryRun = new Label();
        dryRun.setId(id);
        dryRun.setWrapText(true);
        dryRun.setMinHeight(Region.USE_PREF_SIZE);
        dryRun.getStyleClass().add("dry-run");
        dryRun.textProperty().bind(text);
        return dryRun;
    }

    /** The count comes after the dialog is shown: it grows to show what {@code changed} brings, whole. */
    static void growsWith(Dialog<?> dialog, Observable changed) {
        changed.addListener(o -> Platform.runLater(() -> {
            if (dialog.isShowing()) { // after the layout pass that measures the new lines
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
    }

    /** "loki — healthy". */
    static String choice(Messages messages, SinkChoice sink) {
        return messages.format("action.reroute.choice", sink.name(), messages.text("sink.health." + sink.health().name()));
    }
}
