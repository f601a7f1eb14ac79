package dev.batchyard.app.shell;

import dev.batchyard.app.common.Messages;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/** A modal error with the bundle's title and the failure's own message (which names the file or id). */
public final class ErrorDialog {
    private final Messages messages;

    public ErrorDialog(Messages messages) {
        this.messages = messages;
    }

    public void show(Window owner, String headerKey, Throwable failure) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(messages.text("error.title"));
        alert.setHeaderText(messages.text(headerKey));
        alert.setContentText(String.valueOf(failure.getMessage()));
        alert.showAndWait();
    }
}
