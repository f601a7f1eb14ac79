package dev.batchyard.app.shell;

import dev.batchyard.app.common.Messages;
import dev.batchyard.engine.store.StoreLockedException;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * Tells the operator that another process holds the store and asks whether to browse it
 * read-only instead. Answers {@code true} for read-only.
 */
public final class StoreLockedDialog {
    private final Messages messages;

    public StoreLockedDialog(Messages messages) {
        this.messages = messages;
    }

    public boolean askReadOnly(Window owner, Path store, StoreLockedException locked) {
        return askReadOnly(owner, store, locked, "locked.quit");
    }

    /**
     * As above, the refusal worded by {@code declineKey}: a window opened beside others does not quit
     * the app when declined ({@code locked.cancel}).
     */
    public boolean askReadOnly(Window owner, Path store, StoreLockedException locked, String declineKey) {
        ButtonType readOnly = new ButtonType(messages.text("locked.readOnly"), ButtonBar.ButtonData.OK_DONE);
        ButtonType quit = new ButtonType(messages.text(declineKey), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, "", readOnly, quit);
        alert.initOwner(owner);
        alert.setTitle(messages.text("locked.title"));
        alert.setHeaderText(messages.format("locked.header", store.toString()));
        alert.setContentText(locked.holderPid() > 0
                ? messages.format("locked.bodyWithPid", locked.holderPid())
                : messages.text("locked.body"));
        return alert.showAndWait().filter(readOnly::equals).isPresent();
    }
}
