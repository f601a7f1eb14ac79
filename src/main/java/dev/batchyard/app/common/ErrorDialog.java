package dev.batchyard.app.common;

import dev.batchyard.i18n.FailureText;
import javafx.scene.control.Alert;
import javafx.stage.Window;

/**
 * A modal error: the bundle's title, a header saying what could not be done, and the failure in
 * the operator's language, with its English detail (which names the file or id) below.
 */
public final class ErrorDialog {
    private final Messages messages;

    public ErrorDialog(Messages messages) {
        this.messages = messages;
    }

    public void show(Window owner, String headerKey, Throwable failure) {
        show(owner, headerKey, messages.engineTexts().failure(failure));
    }

    /** The same for a failure already worded (the app's own command line, for one). */
    public void show(Window owner, String headerKey, FailureText text) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle(messages.text("error.title"));
        alert.setHeaderText(messages.text(headerKey));
        // the headline in the operator's language; the English detail names the file, key or id
        alert.setContentText(text.detail().isEmpty() ? text.headline() : text.headline() + "\n\n" + text.detail());
        alert.showAndWait();
    }
}
